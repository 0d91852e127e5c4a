/** The committed data files, loaded once for the map tests (the same files the app fetches). */
import { readFileSync } from 'node:fs';
import { parseBoundaries } from '../../../src/app/data/load-boundaries.ts';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import type { FactsFile } from '../../../src/types.ts';

export const boundaries = parseBoundaries(JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')));
export const data = indexFacts(JSON.parse(readFileSync('public/data/facts.json', 'utf8')) as FactsFile);
