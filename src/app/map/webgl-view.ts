/** The MapLibre map as a MapView: createMap, applyState, hover, clicks and camera events behind one interface. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { t } from '../i18n/strings.ts';
import type { AtlasState } from '../state/state.ts';
import type { Bounds, MapView } from './map-view.ts';
import { applyState, clickablePlaceAt, highlightReading } from './apply-state.ts';
import { labelMapControls } from './control-labels.ts';
import { createMap, setAttribution, whenDrawn } from './create-map.ts';
import { enableDistrictHover } from './hover.ts';
import { DISTRICT_VIEW_LABELS } from './layers/district-layers.ts';
import type { Box } from './view-labels.ts';

/** The map's box clear of what covers it (the padding its last camera move was given), in degrees. */
function uncoveredBox(map: MapLibreMap): Box {
  const { top = 0, right = 0, bottom = 0, left = 0 } = map.getPadding();
  const { width, height } = map.getCanvas().getBoundingClientRect();
  const sw = map.unproject([Math.min(left, width - 1), Math.max(height - bottom, 1)]);
  const ne = map.unproject([Math.max(width - right, 1), Math.min(top, height - 1)]);
  return [sw.lng, sw.lat, ne.lng, ne.lat];
}

/** The clipping and polylabel load only once a district's label point leaves the map (never at the overview). */
let viewLabels: Promise<typeof import('./view-labels.ts')> | null = null;
const EMPTY = { type: 'FeatureCollection' as const, features: [] };
let moves = 0;

/** Names the districts shown whose label point is off the map inside their part in view, clear of the covers. */
function nameDistrictsInView(map: MapLibreMap, b: Boundaries): void {
  const source = map.getSource(DISTRICT_VIEW_LABELS) as GeoJSONSource | undefined;
  if (!source) return;
  // A later move wins over an earlier one still waiting for the module.
  const turn = ++moves;
  const view = map.getBounds().toArray().flat() as unknown as Box;
  const onMap = ([x, y]: number[]) => x >= view[0] && x <= view[2] && y >= view[1] && y <= view[3];
  if (b.labels.features.every((f) => f.properties?.level !== 'district' || onMap(f.geometry.coordinates))) {
    if (viewLabels) source.setData(EMPTY);
    return;
  }
  const room = uncoveredBox(map);
  void (viewLabels ??= import('./view-labels.ts')).then((m) => {
    if (turn === moves) source.setData(m.viewLabelPoints(b.districts, b.labels, view, room));
  });
}

/** Throws when MapLibre cannot start (no WebGL2 context): the caller falls back to the SVG map. */
export function webglView(container: HTMLElement, b: Boundaries, data: AtlasIndex, state: AtlasState): MapView {
  const map = createMap(container, b, state.lang, t('attribution', state.lang), { data, state });
  if (state.camera) map.jumpTo({ center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom });
  enableDistrictHover(map);
  // MapLibre's canvas is the Tab stop with the map's keys; the container stays focusable by script only.
  container.tabIndex = -1;
  let latest = state;
  let waiting = false;
  map.once('load', () => {
    applyState(map, latest, data);
    nameDistrictsInView(map, b);
  });
  map.on('moveend', () => nameDistrictsInView(map, b));
  return {
    kind: 'webgl',
    map,
    container,
    drawn: () => whenDrawn(map),
    apply(s, prev) {
      latest = s;
      if (prev && s.lang !== prev.lang) {
        setAttribution(map, t('attribution', s.lang));
        labelMapControls(container, s.lang);
      }
      if (map.isStyleLoaded()) applyState(map, s, data);
      // A source still loading (new data, tiles for a new camera): apply the latest state once
      // the map is idle, rather than drop it (applyState skips what is already applied).
      else if (!waiting) {
        waiting = true;
        map.once('idle', () => {
          waiting = false;
          applyState(map, latest, data);
        });
      }
    },
    highlight: (ids) => highlightReading(map, data, ids),
    // The padding replaces what an earlier move left on the map (flyTo keeps its padding): added
    // to it, a step after a padded one asked for more than the canvas and MapLibre did not move.
    fitBounds: (bounds, o) => map.fitBounds(bounds, { ...o, absolutePadding: true }),
    flyTo: (c, o) => map.flyTo({ center: [c.lng, c.lat], zoom: c.zoom, ...o }),
    visibleBounds: () => map.getBounds().toArray().flat() as Bounds,
    resize: () => map.resize(),
    focus: () => map.getCanvas().focus(),
    onPlaceClick(cb) {
      map.on('click', (e) => {
        const id = clickablePlaceAt(map, e.point);
        if (id) cb(id);
      });
    },
    onPlaceHover(cb) {
      // Asked once the pointer has rested for a moment: a query per mousemove would cost frames.
      let timer: ReturnType<typeof setTimeout> | undefined;
      map.on('mousemove', (e) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const id = clickablePlaceAt(map, e.point);
          if (id) cb(id);
        }, 60);
      });
    },
    onCameraChange(cb) {
      map.on('moveend', () => {
        const c = map.getCenter();
        cb({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
      });
    },
    onLost(cb) {
      map.on('webglcontextlost', () => cb({ kind: 'lost' }));
    },
    destroy: () => map.remove(),
  };
}
