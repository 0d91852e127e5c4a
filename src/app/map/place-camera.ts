/** Where the camera goes when a place is selected: its drawn extent, its point at a zoom that fits its precision, or Beijing with a national partner's arrow. */
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { BEIJING_REFERENCE, alongBearing, screenBearing } from './geo-math.ts';
import { NATIONAL_RING_DEG } from './place-features.ts';

/**
 * How far the camera may go: wide enough round Jing-Jin-Ji that a subject can be framed beside a
 * large caption card or panel (the map shifts off its centre to do so), not so wide that the
 * map is lost. Shared by the WebGL and the SVG map.
 */
export const CAMERA_LIMITS = { bounds: [104, 30, 129, 48] as [number, number, number, number], minZoom: 5, maxZoom: 14 };

export type CameraTarget = { bounds: [number, number, number, number] } | { center: [number, number]; zoom: number } | null;

/** The home view: Beijing's outline (its districts if the outline is missing). */
export function beijingBounds(b: Boundaries): [number, number, number, number] {
  const beijing = b.outlines.features.find((f) => f.properties?.id === 'beijing');
  const [w, s, e, n] = bbox(beijing ?? b.districts);
  return [w, s, e, n];
}

/** Abroad: no arrow on the map, nowhere to go. */
const OFF_MAP = new Set(['foreign']);
/** Room kept beyond an arrow for its label (degrees). */
const ARROW_ROOM = 0.6;

export function placeCamera(data: Pick<AtlasIndex, 'places'>, b: Boundaries, placeId: string): CameraTarget {
  const p = data.places.get(placeId);
  if (!p || OFF_MAP.has(p.kind)) return null;
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
  if (p.kind === 'national-node' && g.type === 'point') {
    // Off the Jing-Jin-Ji frame (Shanghai, Hefei …): drawn as an arrow on a ring round Beijing,
    // pointing where the place lies. The camera shows Beijing and the arrow with its label.
    const [x, y] = alongBearing(BEIJING_REFERENCE, screenBearing(BEIJING_REFERENCE, g.lonLat), NATIONAL_RING_DEG);
    const [w, s, e, n] = beijingBounds(b);
    return { bounds: [Math.min(w, x - ARROW_ROOM), Math.min(s, y - ARROW_ROOM / 2), Math.max(e, x + ARROW_ROOM), Math.max(n, y + ARROW_ROOM / 2)] };
  }
  if (g.type === 'point') {
    // Zoom so the precision radius stays readable: ±1 km → z12, ±8 km → z9.
    const zoom = Math.max(8, Math.min(12.5, 13 - Math.log2(Math.max(g.precisionM, 500) / 500)));
    return { center: g.lonLat, zoom };
  }
  return null;
}
