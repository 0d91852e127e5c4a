/** Ring hygiene before topology cleaning: drop repeated consecutive points, close rings, drop degenerate rings. */
import type { Geometry, Position } from 'geojson';

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

export function cleanRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || !same(out[out.length - 1], p)) out.push(p);
  if (out.length > 1 && same(out[0], out[out.length - 1])) out.pop();
  if (out.length < 3) return null;
  out.push(out[0]);
  return out;
}

export function cleanGeometry(g: Geometry): Geometry | null {
  const polygon = (rings: Position[][]) => {
    const outer = cleanRing(rings[0]);
    if (!outer) return null;
    return [outer, ...rings.slice(1).map(cleanRing).filter((r): r is Position[] => r !== null)];
  };
  if (g.type === 'Polygon') {
    const p = polygon(g.coordinates);
    return p ? { type: 'Polygon', coordinates: p } : null;
  }
  if (g.type === 'MultiPolygon') {
    const ps = g.coordinates.map(polygon).filter((p): p is Position[][] => p !== null);
    if (ps.length === 0) return null;
    return ps.length === 1 ? { type: 'Polygon', coordinates: ps[0] } : { type: 'MultiPolygon', coordinates: ps };
  }
  throw new Error(`unexpected geometry ${g.type}`);
}

/** Applies fn to every position of a (Multi)Polygon, returning a new geometry. */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
  throw new Error(`unexpected geometry ${g.type}`);
}
