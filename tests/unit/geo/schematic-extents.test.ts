/** Schematic 三城一区 extents: derived from cited area facts (geo/schematic-extents.json) and the district polygons. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import booleanValid from '@turf/boolean-valid';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import difference from '@turf/difference';
import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import { deriveExtent, deriveExtents, hostUnion, km2, type Area, type ExtentSpec } from '../../../src/geo/schematic-extents.ts';
import { formatFeatureCollection, roundGeometry } from '../../../src/geo/format-geojson.ts';
import { cleanGeometry } from '../../../src/geo/clean-rings.ts';

type FC = FeatureCollection<Polygon | MultiPolygon>;
const districts: FC = JSON.parse(readFileSync('geo/beijing-districts.geojson', 'utf8'));
const specs: ExtentSpec[] = JSON.parse(readFileSync('geo/schematic-extents.json', 'utf8')).zones;
const committedText = readFileSync('geo/schematic-extents.geojson', 'utf8');
const committed: FC = JSON.parse(committedText);
const fresh = deriveExtents(specs, districts);
const byId = (id: string) => committed.features.find((f) => f.properties?.id === id)! as Area;
const clipTo = (f: Area, ids: string[]) => intersect(featureCollection([f, hostUnion(ids, districts)])) as Area | null;
/** km² of f outside the union of hosts `ids` (taken from `fc`, Beijing's districts by default). */
const outside = (f: Area, ids: string[], fc: FC = districts) => km2(difference(featureCollection([f, hostUnion(ids, fc)])) as Area | null);
/** The hosts dissolved and rounded like the output (5 decimals), as a one-feature collection with id 'host'. */
const roundedHost = (ids: string[]): FC => {
  const geometry = cleanGeometry(roundGeometry(hostUnion(ids, districts).geometry, 5)) as Polygon | MultiPolygon;
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'host' }, geometry }] };
};
const relErr = (got: number, want: number) => Math.abs(got - want) / want;
const signedArea = (ring: Position[]) => ring.slice(1).reduce((s, p, i) => s + (ring[i][0] * p[1] - p[0] * ring[i][1]), 0) / 2;
const polygonsOf = (f: Feature<Polygon | MultiPolygon>) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
const positionsOf = (f: Feature<Polygon | MultiPolygon>) => polygonsOf(f).flat(2);

describe('schematic extents (geo/schematic-extents.geojson)', () => {
  it('has exactly the 三城一区 zones, each marked schematic with method, hosts, basis and sources', () => {
    expect(committed.features.map((f) => f.properties?.id)).toEqual(['zgc-science-city', 'huairou-science-city', 'future-science-city', 'beijing-etda']);
    for (const f of committed.features) {
      const p = f.properties!;
      expect(p.schematic, p.id).toBe(true);
      expect(['district', 'anchored-area', 'bounded-area']).toContain(p.method);
      expect(p.hosts.length).toBeGreaterThan(0);
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.basis).toMatch(/[A-Za-z]/);
      expect(p.basis).toMatch(/[\u4e00-\u9fff]/);
      expect(Math.abs(p.areaKm2 - km2(f as Area))).toBeLessThan(0.01);
    }
    expect(byId('huairou-science-city').properties!.hosts).toEqual(['huairou', 'miyun']);
    expect(byId('beijing-etda').properties!.hosts).toEqual(['daxing', 'tongzhou']);
  });

  it('equals a fresh derivation from the inputs (rebuild with `tsx src/geo/build-schematic-extents.ts`)', () => {
    expect(committedText).toBe(formatFeatureCollection(fresh));
  });

  it('derives deterministically and leaves its inputs untouched', () => {
    const before = JSON.stringify([specs, districts]);
    expect(deriveExtents(specs, districts)).toEqual(fresh);
    expect(JSON.stringify([specs, districts])).toBe(before);
  }, 30_000);

  it('lies inside its host district(s)', () => {
    for (const f of committed.features) {
      const p = f.properties!;
      // Against the hosts at the output's 5-decimal precision: catches any real spill-over.
      expect(outside(f as Area, ['host'], roundedHost(p.hosts)), p.id).toBeLessThan(0.01);
      // Against the 6-decimal hosts: derived shapes too. (Whole-district zgc is excluded: rounding its
      // 140 km outline to 5 decimals alone puts ≈0.016 km² — a 0.1 m ribbon — outside the original.)
      if (p.method !== 'district') expect(outside(f as Area, p.hosts), p.id).toBeLessThan(0.01);
    }
  });

  it('has each zone’s area within tolerance of the official figure', () => {
    expect(relErr(km2(byId('zgc-science-city')), 430.8)).toBeLessThan(0.03);
    expect(relErr(km2(byId('huairou-science-city')), 100.9)).toBeLessThan(0.02);
    expect(relErr(km2(byId('future-science-city')), 170.6)).toBeLessThan(0.02);
    expect(relErr(km2(byId('beijing-etda')), 225)).toBeLessThan(0.02);
  });

  it('splits Huairou Science City as cited: ≈32.5 km² in Miyun (东区), ≈68.4 km² in Huairou', () => {
    const hr = byId('huairou-science-city');
    expect(relErr(km2(clipTo(hr, ['miyun'])), 32.5)).toBeLessThan(0.05);
    expect(relErr(km2(clipTo(hr, ['huairou'])), 68.4)).toBeLessThan(0.05);
  });

  it('is the whole of Haidian for the Zhongguancun Science City', () => {
    const zgc = byId('zgc-science-city');
    const haidian = hostUnion(['haidian'], districts);
    expect(Math.abs(km2(zgc) - km2(haidian))).toBeLessThan(0.1);
  });

  it('contains each anchor, and each anchor lies in its part’s host', () => {
    for (const s of specs) {
      if (s.method !== 'anchored-area') continue;
      for (const part of s.parts) {
        expect(booleanPointInPolygon(part.anchor.lonLat, hostUnion(part.hosts, districts)), part.name).toBe(true);
        expect(booleanPointInPolygon(part.anchor.lonLat, byId(s.id)), part.name).toBe(true);
      }
    }
  });

  it('keeps Future Science City near its cited bounding roads (box grown or shrunk by at most 15%)', () => {
    const s = specs.find((z) => z.id === 'future-science-city')!;
    if (s.method !== 'bounded-area') throw new Error('expected bounded-area');
    const xs = positionsOf(byId(s.id)).map((p) => p[0]);
    const ys = positionsOf(byId(s.id)).map((p) => p[1]);
    const { west, east, south, north } = s.bounds;
    const [w, h] = [east.value - west.value, north.value - south.value];
    expect(Math.abs(Math.max(...xs) - Math.min(...xs) - w) / w).toBeLessThan(0.15);
    expect(Math.abs(Math.max(...ys) - Math.min(...ys) - h) / h).toBeLessThan(0.15);
  });

  it('is valid, free of self-intersections, rounded to 5 decimals and wound per RFC 7946', () => {
    for (const f of committed.features) {
      const id = f.properties?.id;
      expect(booleanValid(f), id).toBe(true);
      expect(kinks(f as Feature<Polygon | MultiPolygon>).features, id).toHaveLength(0);
      for (const [outer, ...holes] of polygonsOf(f)) {
        expect(signedArea(outer), id).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea(hole), id).toBeLessThan(0);
      }
      for (const [x, y] of positionsOf(f)) {
        expect(Math.round(x * 1e5) / 1e5).toBe(x);
        expect(Math.round(y * 1e5) / 1e5).toBe(y);
      }
    }
  });
});

describe('area solving on a synthetic 10 km × 10 km square district', () => {
  // A square at Beijing's latitude whose sides are 10 km; turf's spherical area is ≈100 km².
  const [lon0, lat0] = [116, 40];
  const dLat = 10 / 111.195;
  const dLon = 10 / (111.195 * Math.cos((40.045 * Math.PI) / 180));
  const square: Feature<Polygon> = {
    type: 'Feature',
    properties: { id: 'square' },
    geometry: { type: 'Polygon', coordinates: [[[lon0, lat0], [lon0 + dLon, lat0], [lon0 + dLon, lat0 + dLat], [lon0, lat0 + dLat], [lon0, lat0]]] },
  };
  const world: FC = { type: 'FeatureCollection', features: [square] };
  const base = { nameZhHans: '测试', nameEn: 'Test', basis: 'test 测试', facts: [{ fact: 'f', sources: ['s'] }] };
  const anchored = (lonLat: [number, number], targetKm2: number): ExtentSpec => ({
    ...base, id: 'a', method: 'anchored-area', targetKm2, tolerance: 0.005,
    parts: [{ name: 'p', hosts: ['square'], targetKm2, anchor: { lonLat, source: 'test' } }],
  });

  it('is about 100 km²', () => {
    expect(relErr(km2(square), 100)).toBeLessThan(0.01);
  });

  it('finds the circle radius for 20 km² around the centre (area within 0.5%, inside the square)', () => {
    const f = deriveExtent(anchored([lon0 + dLon / 2, lat0 + dLat / 2], 20), world);
    expect(relErr(km2(f), 20)).toBeLessThan(0.005);
    expect(outside(f, ['square'], world)).toBe(0);
    // Unclipped: the radius is that of a 20 km² circle, so the extent spans ≈ 2·√(20/π) ≈ 5.05 km east–west.
    const xs = positionsOf(f).map((p) => p[0]);
    expect(((Math.max(...xs) - Math.min(...xs)) / dLon) * 10).toBeCloseTo(2 * Math.sqrt(20 / Math.PI), 1);
  });

  it('grows the radius when the circle is clipped at a corner (a quarter circle of 20 km²)', () => {
    const f = deriveExtent(anchored([lon0, lat0], 20), world);
    expect(relErr(km2(f), 20)).toBeLessThan(0.005);
    expect(outside(f, ['square'], world)).toBeLessThan(0.01);
    const xs = positionsOf(f).map((p) => p[0]);
    // Quarter circle: r = √(4·20/π) ≈ 5.05 km, all of it east of the anchor.
    expect(((Math.max(...xs) - lon0) / dLon) * 10).toBeCloseTo(Math.sqrt(80 / Math.PI), 1);
  });

  it('scales a road box to 20 km² and keeps it inside the square', () => {
    const bound = (value: number) => ({ road: 'r', value, source: 'test' });
    const spec: ExtentSpec = {
      ...base, id: 'b', method: 'bounded-area', hosts: ['square'], targetKm2: 20, tolerance: 0.01,
      bounds: { west: bound(lon0 - 0.05), east: bound(lon0 + 0.05), south: bound(lat0 - 0.05), north: bound(lat0 + 0.05) },
    };
    const f = deriveExtent(spec, world);
    expect(relErr(km2(f), 20)).toBeLessThan(0.01);
    expect(outside(f, ['square'], world)).toBeLessThan(0.01);
  });

  it('refuses targets it cannot meet, and parts that do not add up to the total', () => {
    expect(() => deriveExtent(anchored([lon0 + dLon / 2, lat0 + dLat / 2], 150), world)).toThrow(/not reachable/);
    const bad = anchored([lon0 + dLon / 2, lat0 + dLat / 2], 20);
    expect(() => deriveExtent({ ...bad, targetKm2: 30 }, world)).toThrow(/add up/);
    expect(() => deriveExtent({ ...base, id: 'd', method: 'district', hosts: ['square'], targetKm2: 50, tolerance: 0.03 }, world)).toThrow(/outside/);
    expect(() => deriveExtent({ ...base, id: 'd', method: 'district', hosts: ['nowhere'], targetKm2: 50, tolerance: 0.03 }, world)).toThrow(/unknown host/);
  });
});
