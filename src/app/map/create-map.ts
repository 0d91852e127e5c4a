/** Creates the MapLibre map with the embedded style, fitted to Beijing. */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type AtlasIndex, countsKey } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { Lang } from '../i18n/strings.ts';
import { DEFAULT_STATE, type AtlasState } from '../state/state.ts';
import { buildStyle } from './build-style.ts';
import { mapLocale } from './control-labels.ts';
import { CAMERA_LIMITS, beijingBounds } from './place-camera.ts';
import { registerMap } from './map-registry.ts';
import { localIdeographFontFamily } from './map-theme.ts';

setWorkerUrl(workerUrl);

/**
 * `scene` (facts and state) is optional so a caller with boundaries only still gets the district
 * map; with it, the first frame already shows the state's layers, topic and points (applyState
 * then sets the feature-states: counts and selection).
 */
export function createMap(
  container: HTMLElement,
  b: Boundaries,
  lang: Lang,
  attribution: string,
  scene?: { data: AtlasIndex; state: AtlasState },
): MapLibreMap {
  const state = scene ? { ...scene.state, lang } : { ...DEFAULT_STATE, lang };
  const map = new MapLibreMap({
    container,
    style: buildStyle(b, scene?.data ?? null, state),
    bounds: beijingBounds(b),
    fitBoundsOptions: { padding: 24 },
    maxBounds: CAMERA_LIMITS.bounds,
    minZoom: CAMERA_LIMITS.minZoom,
    maxZoom: CAMERA_LIMITS.maxZoom,
    localIdeographFontFamily,
    locale: mapLocale(lang),
    // Labels appear at once: a fade keeps the map from going idle for 300 ms after every move.
    fadeDuration: 0,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  registerMap(map, b, { ...state, pointsCounts: scene ? countsKey(state.topic, scene.data) : undefined });
  map.touchZoomRotate.disableRotation();
  setAttribution(map, attribution);
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}

const attributions = new WeakMap<MapLibreMap, AttributionControl>();

/** The attribution line, in the interface language: replaced whole on a language switch (MapLibre keeps a control's text). */
export function setAttribution(map: MapLibreMap, text: string): void {
  const old = attributions.get(map);
  if (old) map.removeControl(old);
  const control = new AttributionControl({ compact: false, customAttribution: text });
  map.addControl(control, 'bottom-right');
  attributions.set(map, control);
}

/** Resolves once the style is loaded and the map has gone idle with every source drawn. */
export function whenDrawn(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (map.loaded() && map.isStyleLoaded() && map.areTilesLoaded()) resolve();
      else map.once('idle', check);
    };
    map.once('load', () => map.once('idle', check));
  });
}
