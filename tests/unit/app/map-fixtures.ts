/** The data files the map tests need, from the seed corpus run in process (the summary the app's first view loads). */
import { parseBoundaries } from '../../../src/app/data/load-boundaries.ts';
import { boundaryTopology, factsFile } from '../../fixtures/corpus.ts';
import { siteOf } from './site-fixtures.ts';

export const boundaries = parseBoundaries(JSON.parse(JSON.stringify(boundaryTopology)));
export const data = siteOf(factsFile()).index;
