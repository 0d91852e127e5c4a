/**
 * Schematic extents of the 三城一区. Official boundaries are not published, so each extent is
 * DERIVED from cited area facts (geo/schematic-extents.json) and the district polygons: the
 * shape is a reproducible stand-in whose area matches the official figure, never a survey.
 * Pure and deterministic: same inputs → byte-identical output (see build-schematic-extents.ts).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import area from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import circle from '@turf/circle';
import intersect from '@turf/intersect';
import union from '@turf/union';
import rewind from '@turf/rewind';
import { featureCollection, polygon } from '@turf/helpers';
import { cleanGeometry } from './clean-rings.ts';
import { roundGeometry } from './format-geojson.ts';

export type Area = Feature<Polygon | MultiPolygon>;
export interface Fact { fact: string; sources: string[] }
export interface Anchor { lonLat: [number, number]; source: string }
export interface Bound { road: string; value: number; source: string }
export interface AnchoredPart { name: string; hosts: string[]; targetKm2: number; anchor: Anchor }
interface SpecBase { id: string; nameZhHans: string; nameEn: string; targetKm2: number; tolerance: number; basis: string; facts: Fact[] }
export type ExtentSpec = SpecBase &
  (
    | { method: 'district'; hosts: string[] }
    | { method: 'anchored-area'; parts: AnchoredPart[] }
    | { method: 'bounded-area'; hosts: string[]; bounds: Record<'west' | 'east' | 'south' | 'north', Bound> }
  );

/** 5 decimals ≈ 1 m: far finer than any fact here, and keeps the committed file small and stable. */
const DIGITS = 5;
/** Bisection stops at 0.01% (well inside every stated tolerance) or after 60 halvings. */
const PRECISION = 1e-4;
const CIRCLE_STEPS = 64;

export const km2 = (f: Area | null): number => (f ? area(f) / 1e6 : 0);

function clip(a: Area, b: Area): Area | null {
  return intersect(featureCollection([a, b])) as Area | null;
}

/** Host districts dissolved into one area (e.g. 大兴 ∪ 通州 for the 亦庄新城). */
export function hostUnion(ids: string[], districts: FeatureCollection<Polygon | MultiPolygon>): Area {
  const fs = ids.map((id) => {
    const f = districts.features.find((d) => d.properties?.id === id);
    if (!f) throw new Error(`unknown host district "${id}"`);
    return f as Area;
  });
  if (fs.length === 1) return fs[0];
  const u = union(featureCollection(fs)) as Area | null;
  if (!u) throw new Error(`empty union of ${ids.join('+')}`);
  return u;
}

/**
 * Finds x with km2(shapeAt(x)) = target, assuming the area grows monotonically with x (nested
 * circles / nested boxes clipped to a fixed host). Doubles an upper bound from `x0`, then bisects.
 */
export function solveArea(shapeAt: (x: number) => Area | null, target: number, x0: number): Area {
  let lo = 0;
  let hi = x0;
  for (let i = 0; km2(shapeAt(hi)) < target; i++) {
    if (i > 20) throw new Error(`target ${target} km² not reachable (host too small?)`);
    lo = hi;
    hi *= 2;
  }
  let best = shapeAt(hi);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    best = shapeAt(mid);
    const a = km2(best);
    if (Math.abs(a - target) / target < PRECISION) break;
    if (a < target) lo = mid;
    else hi = mid;
  }
  if (!best) throw new Error('empty shape');
  return best;
}

/** Rounds, drops vertices that rounding merged, and winds rings per RFC 7946 (exterior CCW). */
function finish(f: Area): Area {
  const g = cleanGeometry(roundGeometry(f.geometry, DIGITS));
  if (!g) throw new Error('geometry vanished when rounded');
  return rewind({ type: 'Feature', properties: {}, geometry: g } as Area, { reverse: false }) as Area;
}

/** A turf circle (geodesic radius in km) around the anchor, clipped to the hosts; radius solved for area. */
function anchoredPart(part: AnchoredPart, districts: FeatureCollection<Polygon | MultiPolygon>): Area {
  const host = hostUnion(part.hosts, districts);
  const at = (r: number) => clip(circle(part.anchor.lonLat, r, { steps: CIRCLE_STEPS, units: 'kilometers' }), host);
  // Start from the radius of an unclipped circle of the target area.
  return finish(solveArea(at, part.targetKm2, Math.sqrt(part.targetKm2 / Math.PI)));
}

/** The road-bounded box (四至) scaled about its centre by s, clipped to the hosts; s solved for area. */
function boundedShape(spec: Extract<ExtentSpec, { method: 'bounded-area' }>, districts: FeatureCollection<Polygon | MultiPolygon>): Area {
  const host = hostUnion(spec.hosts, districts);
  const { west, east, south, north } = spec.bounds;
  const [cx, cy, hx, hy] = [(west.value + east.value) / 2, (south.value + north.value) / 2, (east.value - west.value) / 2, (north.value - south.value) / 2];
  const box = (s: number): Position[] => [[cx - s * hx, cy - s * hy], [cx + s * hx, cy - s * hy], [cx + s * hx, cy + s * hy], [cx - s * hx, cy + s * hy], [cx - s * hx, cy - s * hy]];
  return finish(solveArea((s) => clip(polygon([box(s)]), host), spec.targetKm2, 1));
}

export function deriveExtent(spec: ExtentSpec, districts: FeatureCollection<Polygon | MultiPolygon>): Area {
  let shape: Area;
  let hosts: string[];
  let parts: Record<string, unknown>[] | undefined;
  if (spec.method === 'district') {
    hosts = spec.hosts;
    shape = finish(hostUnion(hosts, districts));
  } else if (spec.method === 'anchored-area') {
    hosts = [...new Set(spec.parts.flatMap((p) => p.hosts))];
    const sum = spec.parts.reduce((s, p) => s + p.targetKm2, 0);
    if (Math.abs(sum - spec.targetKm2) > 0.05) throw new Error(`${spec.id}: parts add up to ${sum}, not ${spec.targetKm2}`);
    const shapes = spec.parts.map((p) => anchoredPart(p, districts));
    parts = spec.parts.map((p, i) => ({ name: p.name, hosts: p.hosts, anchor: p.anchor.lonLat, targetKm2: p.targetKm2, areaKm2: round2(km2(shapes[i])) }));
    // Dissolve parts that meet along a district border so the result is one valid (Multi)Polygon.
    shape = shapes.length === 1 ? shapes[0] : finish(union(featureCollection(shapes)) as Area);
  } else {
    hosts = spec.hosts;
    shape = boundedShape(spec, districts);
  }
  const achieved = km2(shape);
  if (Math.abs(achieved - spec.targetKm2) / spec.targetKm2 > spec.tolerance) {
    throw new Error(`${spec.id}: ${achieved.toFixed(2)} km² is outside ±${spec.tolerance * 100}% of ${spec.targetKm2} km²`);
  }
  if (!booleanValid(shape)) throw new Error(`${spec.id}: derived geometry is not valid`);
  const sources = [...new Set(spec.facts.flatMap((f) => f.sources))];
  return {
    type: 'Feature',
    properties: {
      id: spec.id, nameZhHans: spec.nameZhHans, nameEn: spec.nameEn, method: spec.method, schematic: true,
      targetKm2: spec.targetKm2, areaKm2: round2(achieved), hosts, ...(parts ? { parts } : {}), basis: spec.basis, sources,
    },
    geometry: shape.geometry,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function deriveExtents(specs: ExtentSpec[], districts: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Polygon | MultiPolygon> {
  return { type: 'FeatureCollection', features: specs.map((s) => deriveExtent(s, districts)) };
}
