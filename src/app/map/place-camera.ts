/** Where the camera goes when a place is selected: its drawn extent, or its point at a zoom that fits its precision. */
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';

export type CameraTarget = { bounds: [number, number, number, number] } | { center: [number, number]; zoom: number } | null;

/** The home view: Beijing's outline (its districts if the outline is missing). */
export function beijingBounds(b: Boundaries): [number, number, number, number] {
  const beijing = b.outlines.features.find((f) => f.properties?.id === 'beijing');
  const [w, s, e, n] = bbox(beijing ?? b.districts);
  return [w, s, e, n];
}

/** Off the Jing-Jin-Ji frame (Shanghai, Hefei …): shown as arrows at the frame's edge, not flown to. */
const OFF_FRAME = new Set(['national-node', 'foreign']);

export function placeCamera(data: Pick<AtlasIndex, 'places'>, b: Boundaries, placeId: string): CameraTarget {
  const p = data.places.get(placeId);
  if (!p || OFF_FRAME.has(p.kind)) return null;
  const find = (fc: FeatureCollection, id: string) => fc.features.find((f) => f.properties?.id === id);
  const g = p.geometry;
  if (g.type === 'boundary') {
    const f = find(g.layer === 'district' ? b.districts : g.layer === 'province' ? b.outlines : b.context, g.unit);
    return f ? { bounds: bbox(f) as [number, number, number, number] } : null;
  }
  if (g.type === 'schematic') {
    const f = find(b.extents, p.id);
    return f ? { bounds: bbox(f) as [number, number, number, number] } : null;
  }
  if (g.type === 'point') {
    // Zoom so the precision radius stays readable: ±1 km → z12, ±8 km → z9.
    const zoom = Math.max(8, Math.min(12.5, 13 - Math.log2(Math.max(g.precisionM, 500) / 500)));
    return { center: g.lonLat, zoom };
  }
  return null;
}
