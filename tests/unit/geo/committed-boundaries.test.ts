/** Checks on the committed boundary GeoJSON in geo/ — the data the map and every later layer trust. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import area from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

const read = (name: string): FeatureCollection<Polygon | MultiPolygon> => JSON.parse(readFileSync(`geo/${name}.geojson`, 'utf8'));
const districts = read('beijing-districts');
const context = read('jjj-context');
const outlines = read('jjj-outlines');
const official = JSON.parse(readFileSync('tests/fixtures/official-district-areas.json', 'utf8'));
const km2 = (f: Feature) => area(f) / 1e6;
const byId = (fc: FeatureCollection<Polygon | MultiPolygon>, id: string) => fc.features.find((f) => f.properties?.id === id)!;
const districtAt = (p: Position) => districts.features.filter((f) => booleanPointInPolygon(p, f)).map((f) => f.properties?.id);

/** Shoelace sum in lon/lat: positive = counter-clockwise. */
const signedArea = (ring: Position[]) => ring.slice(1).reduce((s, p, i) => s + (ring[i][0] * p[1] - p[0] * ring[i][1]), 0) / 2;
const polygonsOf = (f: Feature<Polygon | MultiPolygon>) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

describe('Beijing districts (geo/beijing-districts.geojson)', () => {
  it('has the 16 current districts with adcodes 110101–110119 and names in three forms', () => {
    const adcodes = districts.features.map((f) => f.properties?.adcode).sort();
    expect(adcodes).toEqual(['110101', '110102', '110105', '110106', '110107', '110108', '110109', '110111', '110112', '110113', '110114', '110115', '110116', '110117', '110118', '110119']);
    expect(districts.features.map((f) => f.properties?.id).sort()).toEqual(Object.keys(official.districts).sort());
    for (const f of districts.features) {
      expect(f.properties).toMatchObject({ nameZhHans: expect.stringMatching(/区$/), nameZhHant: expect.stringMatching(/區$/), nameEn: expect.stringMatching(/District$/) });
    }
  });

  it('is valid geometry throughout', () => {
    for (const f of districts.features) expect(booleanValid(f), f.properties?.id).toBe(true);
  });

  it('has every district within 3% of its official area', () => {
    for (const f of districts.features) {
      const want = official.districts[f.properties!.id];
      expect(Math.abs(km2(f) - want) / want, `${f.properties!.id}: ${km2(f).toFixed(1)} vs ${want}`).toBeLessThan(0.03);
    }
  });

  it('adds up to Beijing’s official 16,410 km² within 1%', () => {
    const total = districts.features.reduce((s, f) => s + km2(f), 0);
    expect(Math.abs(total - official.total) / official.total).toBeLessThan(0.01);
  });

  it('winds exterior rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    for (const f of districts.features) {
      for (const [outer, ...holes] of polygonsOf(f)) {
        expect(signedArea(outer), f.properties?.id).toBeGreaterThan(0);
        for (const h of holes) expect(signedArea(h)).toBeLessThan(0);
      }
    }
  });

  it('has no two districts overlapping by more than a sliver', () => {
    const total = districts.features.reduce((s, f) => s + km2(f), 0);
    const outline = km2(byId(outlines, 'beijing'));
    expect(Math.abs(total - outline)).toBeLessThan(0.5);
  });

  // WGS84 landmarks (coordinates from the list; the axis points bracket the
  // Dongcheng/Xicheng line on the Qianmen–Yongdingmen axis at WGS84 ≈116.3913, see geo/README.md).
  it.each([
    ['天安门 Tiananmen', [116.3913, 39.9075], 'dongcheng'],
    ['中关村 Zhongguancun', [116.316, 39.984], 'haidian'],
    ['首都机场 T1/T2, Chaoyang’s exclave inside Shunyi', [116.588, 40.078], 'chaoyang'],
    ['国贸 Guomao', [116.461, 39.9087], 'chaoyang'],
    ['雁栖湖 Yanqi Lake', [116.677, 40.407], 'huairou'],
    ['永定门内, west of the central axis', [116.3895, 39.876], 'xicheng'],
    ['永定门内, east of the central axis', [116.3935, 39.876], 'dongcheng'],
  ])('puts %s in the right district', (_name, point, id) => {
    expect(districtAt(point as Position)).toEqual([id]);
  });

  it('keeps the airport exclave as a separate part of Chaoyang, cut out of Shunyi', () => {
    const chaoyang = byId(districts, 'chaoyang');
    expect(chaoyang.geometry.type).toBe('MultiPolygon');
    const shunyiHoles = polygonsOf(byId(districts, 'shunyi')).flatMap(([, ...holes]) => holes);
    expect(shunyiHoles.length).toBeGreaterThan(0);
  });
});

describe('Jing-Jin-Ji context (geo/jjj-context.geojson, geo/jjj-outlines.geojson)', () => {
  const ids = context.features.map((f) => f.properties?.id);

  it('has Tianjin’s 16 districts, including Binhai and Baodi individually', () => {
    expect(context.features.filter((f) => f.properties?.level === 'tianjin-district')).toHaveLength(16);
    expect(ids).toEqual(expect.arrayContaining(['binhai', 'baodi']));
  });

  it('has Hebei’s 11 prefectures and the eight focus counties', () => {
    expect(context.features.filter((f) => f.properties?.level === 'prefecture')).toHaveLength(11);
    expect(ids).toEqual(expect.arrayContaining(['xiong-county', 'rongcheng', 'anxin', 'sanhe', 'dachang', 'xianghe', 'chongli', 'caofeidian']));
  });

  it('has dissolved outlines of Beijing, Tianjin and Hebei', () => {
    expect(outlines.features.map((f) => f.properties?.id).sort()).toEqual(['beijing', 'hebei', 'tianjin']);
    expect(km2(byId(outlines, 'tianjin'))).toBeGreaterThan(11_000);
    expect(km2(byId(outlines, 'tianjin'))).toBeLessThan(12_500);
  });

  // Validating ~200k vertices takes seconds on a busy 2-core machine.
  it('is valid geometry throughout', { timeout: 60_000 }, () => {
    for (const f of [...context.features, ...outlines.features]) expect(booleanValid(f), f.properties?.id).toBe(true);
  });

  it('puts the Xiong’an counties inside Baoding and the northern three counties inside Langfang', () => {
    const inside = (county: string, prefecture: string) => {
      const c = byId(context, county);
      const [outer] = polygonsOf(c)[0];
      const probe = outer.reduce((s, p) => [s[0] + p[0] / outer.length, s[1] + p[1] / outer.length], [0, 0]);
      return booleanPointInPolygon(probe, byId(context, prefecture));
    };
    for (const c of ['xiong-county', 'rongcheng']) expect(inside(c, 'baoding')).toBe(true);
    for (const c of ['sanhe', 'dachang', 'xianghe']) expect(inside(c, 'langfang')).toBe(true);
  });
});
