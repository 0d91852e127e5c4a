/**
 * The map as the rest of the app sees it, whichever renderer draws it: MapLibre (WebGL), or the
 * SVG map drawn with d3-geo when WebGL2 is missing or its context is lost (src/app/svg-map/,
 * loaded only then). Both draw the state they are given and report clicks and camera moves.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { placeCamera } from './place-camera.ts';
import type { AtlasState, Camera } from '../state/state.ts';
import { motionAllowed } from '../platform/motion.ts';

export type Bounds = [number, number, number, number];

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Why the SVG map is shown, said in its one-line notice: `error` is what creating the WebGL map threw. */
export type FallbackReason = { kind: 'unsupported' } | { kind: 'lost' } | { kind: 'failed'; error: unknown };

export interface MapView {
  readonly kind: 'webgl' | 'svg';
  /** The MapLibre map; null for the SVG map. */
  readonly map: MapLibreMap | null;
  /** The element the map draws in (#map). */
  readonly container: HTMLElement;
  /** Resolves once the first view is completely drawn. */
  drawn(): Promise<void>;
  /** Draws the state; cheap and idempotent, so it is called on every change. Never moves the camera. */
  apply(state: AtlasState, prev: AtlasState | null): void;
  /** Lights up the places of the sentence being read, beside the selection; [] clears. */
  highlight(placeIds: readonly string[]): void;
  fitBounds(bounds: Bounds, options: { padding: Padding; animate: boolean; maxZoom: number }): void;
  flyTo(camera: Camera, options: { padding: Padding; animate: boolean }): void;
  /** [west, south, east, north] of what is on screen. */
  visibleBounds(): Bounds;
  /** Follow the container's size (the panel column opened or closed). */
  resize(): void;
  /** Keyboard focus to the map, on the element whose keys move it (one Tab stop per map). */
  focus(): void;
  onPlaceClick(cb: (placeId: string) => void): void;
  /** The pointer rests on a place a click would select (the app fetches its panel's file ahead). */
  onPlaceHover?(cb: (placeId: string) => void): void;
  /** After every camera move the reader made or asked for. */
  onCameraChange(cb: (camera: Camera) => void): void;
  /** The renderer stopped working for good (WebGL context lost): the app switches to the SVG map. */
  onLost(cb: (reason: FallbackReason) => void): void;
  destroy(): void;
}

/**
 * Whether this browser has WebGL2 at all. Whether it gives out a context is learnt by creating
 * the map: MapLibre then throws a GPUInitializationError, having removed what it had added (a
 * probe context of our own would cost 10–90 ms on a software renderer, for nothing).
 */
export const hasWebgl2 = (): boolean => typeof WebGL2RenderingContext === 'function';

/** Takes the camera to a place (its extent, or its point at a zoom that fits its precision), clear of `padding`. */
export function showPlace(view: MapView, data: AtlasIndex, b: Boundaries, placeId: string, padding: Padding): void {
  const target = placeCamera(data, b, placeId);
  if (!target) return;
  const animate = motionAllowed();
  if ('bounds' in target) view.fitBounds(target.bounds, { padding, maxZoom: 11.5, animate });
  else view.flyTo({ lng: target.center[0], lat: target.center[1], zoom: target.zoom }, { padding, animate });
}
