/**
 * Last-resort repair for rings that touch themselves or a sibling part at a single
 * vertex (valid in mapshaper's topology, invalid for OGC/turf). Removes the touching
 * vertex from the smaller ring, one at a time, until the geometry is valid.
 * Shifts the outline by at most one grid cell (~100 m) at that point.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import kinks from '@turf/kinks';
import booleanValid from '@turf/boolean-valid';
import area from '@turf/area';

type Poly = Feature<Polygon | MultiPolygon>;

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

function removeVertex(ring: Position[], at: Position): Position[] | null {
  const key = `${at[0]},${at[1]}`;
  const open = ring.slice(0, -1);
  const i = open.findIndex((p) => `${p[0]},${p[1]}` === key);
  if (i < 0 || open.length <= 3) return null;
  open.splice(i, 1);
  return [...open, open[0]];
}

export function repairTouches<T extends Poly>(feature: T, maxSteps = 20): T {
  let f = feature;
  for (let step = 0; step < maxSteps && !booleanValid(f); step++) {
    const points = kinks(f).features.map((k) => k.geometry.coordinates);
    if (points.length === 0) break;
    const candidates = rings(f.geometry)
      .map((r) => ({ r, a: area({ type: 'Polygon', coordinates: [r] }) }))
      .sort((x, y) => x.a - y.a);
    let fixed = false;
    for (const p of points) {
      for (const { r } of candidates) {
        const replaced = removeVertex(r, p);
        if (!replaced) continue;
        const swap = (ring: Position[]) => (ring === r ? replaced : ring);
        const g = f.geometry;
        const geometry: Polygon | MultiPolygon =
          g.type === 'Polygon'
            ? { type: 'Polygon', coordinates: g.coordinates.map(swap) }
            : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(swap)) };
        f = { ...f, geometry };
        fixed = true;
        break;
      }
      if (fixed) break;
    }
    if (!fixed) break;
  }
  return f;
}
