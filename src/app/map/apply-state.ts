/**
 * THE one place that changes the map after load: layer visibility, district counts and classes,
 * point data for the topic, the selection and the label language. Each part is redone only when
 * its part of the state changed, so calling this on every state change is cheap and idempotent.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { type AtlasIndex, countsKey } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { LAYER_IDS, type AtlasState } from '../state/state.ts';
import { buildStyle, isPlaceLabel, placeSources, withoutSubject } from './build-style.ts';
import { SUBJECT_SOURCE } from './layers/subject-layers.ts';
import { DISTRICT_VIEW_LABELS } from './layers/district-layers.ts';
import { subjectLabel } from './place-features.ts';
import { choroplethColour, classBreaks } from './choropleth.ts';
import { LAYER_CATALOG, clickableLayers } from './layer-catalog.ts';
import { registered } from './map-registry.ts';
import { typeScaleOf } from './type-scale.ts';

/** The slice of the MapLibre map applyState uses (a fake in unit tests). */
export type StateTarget = Pick<MapLibreMap, 'setLayoutProperty' | 'setPaintProperty' | 'setFeatureState' | 'setFilter' | 'getLayer' | 'getSource'>;

/** The place label layers (their source and own filter), from a style built once per boundaries. */
const labelLayersOf = new WeakMap<Boundaries, Array<{ id: string; source: string; filter: unknown }>>();
function placeLabelLayers(b: Boundaries): Array<{ id: string; source: string; filter: unknown }> {
  let layers = labelLayersOf.get(b);
  if (!layers) {
    layers = buildStyle(b, null, { lang: 'zh', topic: null, layers: [...LAYER_IDS] }).layers.filter(isPlaceLabel)
      .map((l) => ({ id: l.id, source: String((l as { source?: string }).source), filter: (l as { filter?: unknown }).filter }));
    labelLayersOf.set(b, layers);
  }
  return layers;
}

/** Whether a source draws the place: a place source or area by its ids, the boundary label points (districts, units) by theirs. */
function drawnIn(source: string, place: string, ids: Map<string, Set<string>>, b: Boundaries): boolean {
  if (ids.get(source)?.has(place)) return true;
  return (source === 'labels' || source === DISTRICT_VIEW_LABELS) && b.labels.features.some((f) => f.properties?.id === place);
}

const setData = (map: StateTarget, source: string, fc: FeatureCollection) =>
  (map.getSource(source) as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(fc);
const idsOf = (fc: FeatureCollection, key: string) => new Set(fc.features.map((f) => String(f.properties?.[key])));

/** The feature ids each source draws (points by `placeId`, districts and extents by `id`): where a selection can be shown. */
export function drawnIds(sources: Record<string, FeatureCollection>, b: Pick<Boundaries, 'districts' | 'extents'>): Map<string, Set<string>> {
  const ids = new Map(Object.entries(sources).map(([id, fc]) => [id, idsOf(fc, 'placeId')]));
  ids.set('districts', idsOf(b.districts, 'id'));
  ids.set('extents', idsOf(b.extents, 'id'));
  return ids;
}

/**
 * Draws `state` on the map. No previous state is taken: the map remembers what was applied to it
 * (map-registry), which stays right even when the caller skips a state.
 */
export function applyState(map: StateTarget, state: AtlasState, data: AtlasIndex): void {
  const { boundaries, applied } = registered(map);

  const layers = state.layers.join();
  if (layers !== applied.layers) {
    for (const id of LAYER_IDS) {
      const visibility = state.layers.includes(id) ? 'visible' : 'none';
      for (const l of LAYER_CATALOG[id].styleLayers) if (map.getLayer(l)) map.setLayoutProperty(l, 'visibility', visibility);
    }
    applied.layers = layers;
  }

  const counted = countsKey(state.topic, data);
  if (counted !== applied.counts) {
    const counts = data.districtCounts(state.topic);
    for (const [id, count] of counts) map.setFeatureState({ source: 'districts', id }, { count });
    map.setPaintProperty('districts-fill', 'fill-color', choroplethColour(classBreaks([...counts.values()])));
    const sources = placeSources({ data, boundaries, topic: state.topic });
    // The first application after load usually finds the data it would set already there.
    if (counted !== applied.pointsCounts) {
      for (const [id, fc] of Object.entries(sources)) setData(map, id, fc);
    }
    applied.pointsCounts = counted;
    applied.ids = drawnIds(sources, boundaries);
    applied.sources = sources;
    applied.counts = counted;
    applied.place = undefined; // new data: draw the selection again
  }

  if (state.place !== applied.place) {
    for (const at of applied.selected) map.setFeatureState(at, { selected: false });
    applied.selected = state.place ? selectionTargets(state.place, data, applied.ids) : [];
    for (const at of applied.selected) map.setFeatureState(at, { selected: true });
    applied.place = state.place;
  }

  if (state.place !== applied.subject) {
    // The subject is named by its own label, and its ordinary label steps aside. Only the label
    // layers that draw the old or the new subject get a new filter: a filter re-lays its layer out.
    setData(map, SUBJECT_SOURCE, subjectLabel(state.place, applied.sources, boundaries.labels));
    const drawing = (place: string | null) => (place ? placeLabelLayers(boundaries).filter((l) => drawnIn(l.source, place, applied.ids, boundaries)) : []);
    const newer = new Set(drawing(state.place).map((l) => l.id));
    for (const l of [...drawing(applied.subject), ...drawing(state.place)]) {
      if (map.getLayer(l.id)) map.setFilter(l.id, withoutSubject(l.filter, newer.has(l.id) ? state.place : null));
    }
    applied.subject = state.place;
  }

  const scale = typeScaleOf(state);
  if (state.lang !== applied.lang || scale !== applied.scale) {
    // Only label text and its size depend on the language and the theme: take them from the style built for the new ones.
    const style = buildStyle(boundaries, null, state);
    for (const l of style.layers) {
      if (l.type !== 'symbol' || !map.getLayer(l.id)) continue;
      if (state.lang !== applied.lang && l.layout?.['text-field'] !== undefined) map.setLayoutProperty(l.id, 'text-field', l.layout['text-field']);
      if (scale !== applied.scale && l.layout?.['text-size'] !== undefined) map.setLayoutProperty(l.id, 'text-size', l.layout['text-size']);
    }
    applied.lang = state.lang;
    applied.scale = scale;
  }
}

/**
 * Every drawn feature of the place; a place drawn nowhere itself (the 一区, drawn through
 * 北京经济技术开发区's extent) is shown through the places it links to.
 */
export function selectionTargets(place: string, data: AtlasIndex, ids: Map<string, Set<string>>): Array<{ source: string; id: string }> {
  const direct = (id: string) => [...ids].filter(([, set]) => set.has(id)).map(([source]) => ({ source, id }));
  const own = direct(place);
  if (own.length > 0) return own;
  return (data.places.get(place)?.links ?? []).flatMap(direct);
}

/**
 * Highlights the places of the sentence being read in the document reader, beside the
 * selection (which keeps its highlight); an empty list clears the reading highlight.
 */
export function highlightReading(map: StateTarget, data: AtlasIndex, placeIds: readonly string[]): void {
  const { applied } = registered(map);
  const key = (at: { source: string; id: string }) => `${at.source}/${at.id}`;
  const selected = new Set(applied.selected.map(key));
  for (const at of applied.reading) if (!selected.has(key(at))) map.setFeatureState(at, { selected: false });
  applied.reading = placeIds.flatMap((id) => selectionTargets(id, data, applied.ids));
  for (const at of applied.reading) map.setFeatureState(at, { selected: true });
}

/** Click tolerance in pixels: dots are 3–5 px and lines 1–3 px wide, too small to hit exactly. */
export const CLICK_TOLERANCE_PX = 5;

/** The place under a screen point: topmost clickable feature, points before lines before areas. */
export function clickablePlaceAt(map: Pick<MapLibreMap, 'queryRenderedFeatures' | 'getLayer'>, point: PointLike): string | null {
  // Hidden layers render nothing, so querying all clickable layers respects the toggles.
  const layers = clickableLayers(LAYER_IDS).filter((l) => map.getLayer(l));
  if (layers.length === 0) return null;
  const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
  const t = CLICK_TOLERANCE_PX;
  const hits = map.queryRenderedFeatures([[x - t, y - t], [x + t, y + t]], { layers });
  // queryRenderedFeatures returns topmost first; priority by layer rank, then by that order.
  const rank = (id: string) => layers.indexOf(id);
  const best = hits.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.layer.id) - rank(b.f.layer.id) || a.i - b.i)[0]?.f;
  if (!best) return null;
  const id = best.properties?.placeId ?? best.id ?? best.properties?.id;
  return id === undefined || id === null ? null : String(id);
}
