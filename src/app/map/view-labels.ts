/**
 * District names for orientation when zoomed in: a district whose label point lies outside the
 * visible map (zoom 11 on 亦庄 shows half of 朝阳区 and none of its centre) is named inside the
 * part of it that is in view, at the point of that part furthest from its edges (polylabel).
 * Pure: the WebGL view feeds it the view box after each move.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

/** West, south, east, north. */
export type Box = readonly [number, number, number, number];

const inside = (p: Position, b: Box) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** A ring clipped to a box (Sutherland–Hodgman, one box edge at a time); [] when nothing is left. */
export function clipRing(ring: readonly Position[], b: Box): Position[] {
  const edges: Array<[(p: Position) => boolean, (a: Position, c: Position) => Position]> = [
    [(p) => p[0] >= b[0], (a, c) => [b[0], a[1] + ((c[1] - a[1]) * (b[0] - a[0])) / (c[0] - a[0])]],
    [(p) => p[0] <= b[2], (a, c) => [b[2], a[1] + ((c[1] - a[1]) * (b[2] - a[0])) / (c[0] - a[0])]],
    [(p) => p[1] >= b[1], (a, c) => [a[0] + ((c[0] - a[0]) * (b[1] - a[1])) / (c[1] - a[1]), b[1]]],
    [(p) => p[1] <= b[3], (a, c) => [a[0] + ((c[0] - a[0]) * (b[3] - a[1])) / (c[1] - a[1]), b[3]]],
  ];
  let out: Position[] = ring.slice(0, ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? -1 : undefined);
  for (const [keep, cut] of edges) {
    const input = out;
    out = [];
    input.forEach((p, i) => {
      const prev = input[(i + input.length - 1) % input.length];
      if (keep(p)) {
        if (!keep(prev)) out.push(cut(prev, p));
        out.push(p);
      } else if (keep(prev)) out.push(cut(prev, p));
    });
    if (out.length === 0) return [];
  }
  return out.length >= 3 ? [...out, out[0]] : [];
}

/** Twice the signed area of a ring (planar): only its size matters here. */
const ringArea = (r: Position[]) => Math.abs(r.reduce((s, p, i) => s + (i ? r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : 0), 0));

/**
 * A label point for each district whose own label point (`labels`, by id) is off the map (`view`),
 * inside the largest part of it in `room` (the map clear of what covers it). A label point on
 * the map but under a cover keeps its label: a second name would show beside the cover.
 * Properties are the district's.
 */
export function viewLabelPoints(districts: FeatureCollection, labels: FeatureCollection<Point>, view: Box, room: Box = view): FeatureCollection<Point> {
  const box = room[2] > room[0] && room[3] > room[1] ? room : view;
  const labelAt = new Map(labels.features.map((f) => [String(f.properties?.id), f.geometry.coordinates]));
  const features: Feature<Point>[] = [];
  for (const d of districts.features) {
    const id = String(d.properties?.id);
    const own = labelAt.get(id);
    if (own && inside(own, view)) continue;
    const g = d.geometry as Polygon | MultiPolygon;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const parts = polygons.map((rings) => clipRing(rings[0], box)).filter((r) => r.length > 0);
    if (parts.length === 0) continue;
    const largest = parts.reduce((a, r) => (ringArea(r) > ringArea(a) ? r : a));
    // Precision: a thousandth of the box's width is well under a pixel on any screen.
    const at = polylabel([largest.map((p): [number, number] => [p[0], p[1]])], (box[2] - box[0]) / 1000);
    features.push({ type: 'Feature', properties: { ...d.properties }, geometry: { type: 'Point', coordinates: [at[0], at[1]] } });
  }
  return { type: 'FeatureCollection', features };
}
