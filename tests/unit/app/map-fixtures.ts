/** The generated data files, loaded once for the map tests (the summary the app's first view loads). */
import { readFileSync } from 'node:fs';
import { parseBoundaries } from '../../../src/app/data/load-boundaries.ts';
import { parseSummary } from '../../../src/app/data/load-site.ts';

export const boundaries = parseBoundaries(JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')));
export const data = parseSummary(JSON.parse(readFileSync('public/data/summary.json', 'utf8')));
