/**
 * The SVG map's camera, pure: a viewport is a centre in projected units and a scale (units per
 * CSS pixel); the svg's viewBox is derived from it and the container size. The projection is
 * fixed (not fitted to the container) and scaled so that zoom means what it means in MapLibre
 * (a 512 px world at zoom 0): the URL's `cam=` opens the same view in either renderer.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Camera } from '../state/state.ts';
import type { Bounds, Padding } from '../map/map-view.ts';
import { CAMERA_LIMITS } from '../map/place-camera.ts';

/** At this zoom one projected unit is one CSS pixel. */
export const REF_ZOOM = 10;
/** Zoom limits and pannable area: the WebGL map's (create-map.ts). */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 14;
export const MAX_BOUNDS: Bounds = CAMERA_LIMITS.bounds;

/** [x0, y0, x1, y1] in projected units (y down). */
export type Box = [number, number, number, number];
export interface Viewport {
  cx: number;
  cy: number;
  /** Projected units per CSS pixel. */
  upp: number;
}
export interface Size {
  width: number;
  height: number;
}
export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/** Web Mercator with a world 512·2^REF_ZOOM units wide, centred on Beijing so numbers stay small. */
export function atlasProjection(): GeoProjection {
  return geoMercator()
    .scale((512 * 2 ** REF_ZOOM) / (2 * Math.PI))
    .center([116.4, 40])
    .translate([0, 0]);
}

export const uppAt = (zoom: number) => 2 ** (REF_ZOOM - zoom);
export const zoomOf = (v: Viewport) => REF_ZOOM - Math.log2(v.upp);

/** [x, y, width, height] of the svg's viewBox for the viewport in a container of `size`. */
export function viewBoxOf(v: Viewport, size: Size): Box {
  const w = size.width * v.upp;
  const h = size.height * v.upp;
  return [v.cx - w / 2, v.cy - h / 2, w, h];
}

/** Projected box of geographic bounds (south-west and north-east corners). */
export function projectBounds(bounds: Bounds, projection: GeoProjection): Box {
  const [x0, y1] = projection([bounds[0], bounds[1]])!;
  const [x1, y0] = projection([bounds[2], bounds[3]])!;
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}

/** The zoom range as a scale range, and the pannable area: a viewport's centre stays inside it. */
export function clampViewport(v: Viewport, area: Box, minZoom = MIN_ZOOM, maxZoom = MAX_ZOOM): Viewport {
  const upp = Math.min(uppAt(minZoom), Math.max(uppAt(maxZoom), v.upp));
  return { cx: Math.min(area[2], Math.max(area[0], v.cx)), cy: Math.min(area[3], Math.max(area[1], v.cy)), upp };
}

/** The target seen at `upp`, placed in the middle of the padded part of the container (as MapLibre pads). */
function centred(x: number, y: number, upp: number, p: Padding): Viewport {
  return { cx: x - ((p.left - p.right) / 2) * upp, cy: y - ((p.top - p.bottom) / 2) * upp, upp };
}

/** Fits a projected box in the container inside `padding`, no closer than `maxZoom`. */
export function fitBox(box: Box, size: Size, padding: Padding = NO_PADDING, maxZoom = MAX_ZOOM): Viewport {
  const room = (n: number) => Math.max(1, n);
  const w = room(size.width - padding.left - padding.right);
  const h = room(size.height - padding.top - padding.bottom);
  const upp = Math.max((box[2] - box[0]) / w, (box[3] - box[1]) / h, uppAt(maxZoom));
  return centred((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, upp, padding);
}

export function viewportOfCamera(c: Camera, projection: GeoProjection, padding: Padding = NO_PADDING): Viewport {
  const [x, y] = projection([c.lng, c.lat])!;
  return centred(x, y, uppAt(c.zoom), padding);
}

export function cameraOf(v: Viewport, projection: GeoProjection): Camera {
  const [lng, lat] = projection.invert!([v.cx, v.cy])!;
  return { lng, lat, zoom: zoomOf(v) };
}

/** Geographic bounds of what the container shows. */
export function visibleBounds(v: Viewport, size: Size, projection: GeoProjection): Bounds {
  const [x, y, w, h] = viewBoxOf(v, size);
  const [west, north] = projection.invert!([x, y])!;
  const [east, south] = projection.invert!([x + w, y + h])!;
  return [west, south, east, north];
}

/** Zooms by `factor` (2 = one zoom level in) keeping the point under `at` (container px) in place. */
export function zoomAround(v: Viewport, factor: number, at: [number, number], size: Size): Viewport {
  const [x, y] = viewBoxOf(v, size);
  const ux = x + at[0] * v.upp;
  const uy = y + at[1] * v.upp;
  const upp = v.upp / factor;
  return { cx: ux + (size.width / 2 - at[0]) * upp, cy: uy + (size.height / 2 - at[1]) * upp, upp };
}

/** The viewport after dragging the map by (dx, dy) CSS pixels. */
export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { cx: v.cx - dx * v.upp, cy: v.cy - dy * v.upp, upp: v.upp };
}

/** Between two viewports at t ∈ [0, 1]: the scale geometrically (zoom changes at an even pace), the centre linearly. */
export function interpolateViewport(a: Viewport, b: Viewport, t: number): Viewport {
  return { cx: a.cx + (b.cx - a.cx) * t, cy: a.cy + (b.cy - a.cy) * t, upp: a.upp * (b.upp / a.upp) ** t };
}
