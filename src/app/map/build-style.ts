/** The whole embedded style: no tiles, no glyph server, no sprite — every source inline. */
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { AtlasState } from '../state/state.ts';
import { classBreaks } from './choropleth.ts';
import { LAYER_CATALOG } from './layer-catalog.ts';
import { PALETTE } from './map-theme.ts';
import { shareShaders } from './shared-shaders.ts';
import { scaleLayerText, typeScaleOf } from './type-scale.ts';
import { subjectLabel } from './place-features.ts';
import { SUBJECT_SOURCE } from './layers/subject-layers.ts';

function subjectGivenWay(l: LayerSpecification, place: string | null): LayerSpecification {
  if (!place || !isPlaceLabel(l)) return l;
  return { ...l, filter: withoutSubject((l as { filter?: unknown }).filter, place)! } as LayerSpecification;
}
import type { SourceInput } from './layer-descriptor.ts';
import { LAYERS } from './layers/index.ts';

const BACKDROP_TILING = { tolerance: 1, buffer: 32, maxzoom: 10 } as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The parts of the state the style is built from (the rest is applied after load). */
export type StyleState = Pick<AtlasState, 'lang' | 'topic' | 'layers'> & Partial<Pick<AtlasState, 'tour' | 'place'>>;

/** Labels that name a place (not arrows, not the subject's own): they give way to the subject label. */
export const isPlaceLabel = (l: LayerSpecification): boolean =>
  l.type === 'symbol' && l.layout?.['text-field'] !== undefined && l.layout?.['text-rotate'] === undefined && !('source' in l && l.source === SUBJECT_SOURCE);

/** A label layer's filter with the subject left out (it is named by the subject label instead). */
export function withoutSubject(filter: unknown, place: string | null): FilterSpecification | null {
  if (!place) return (filter as FilterSpecification | undefined) ?? null;
  const other: FilterSpecification = ['!=', ['to-string', ['coalesce', ['get', 'placeId'], ['get', 'id'], '']], place];
  return filter ? (['all', filter, other] as unknown as FilterSpecification) : other;
}


/** Every layer's place sources by style source id (each layer module builds its own): applyState refreshes the same map on a topic change. */
export function placeSources(input: SourceInput): Record<string, FeatureCollection> {
  return Object.assign({}, ...LAYERS.map((d) => d.sources?.(input) ?? {})) as Record<string, FeatureCollection>;
}

/** District counts for the topic, in the order of the district features. */
export function districtCountList(data: AtlasIndex | null, topic: AtlasState['topic']): number[] {
  return data ? [...data.districtCounts(topic).values()] : [];
}

export function buildStyle(b: Boundaries, data: AtlasIndex | null, state: StyleState): StyleSpecification {
  const { lang } = state;
  const sources = data ? placeSources({ data, boundaries: b, topic: state.topic }) : {};
  sources[SUBJECT_SOURCE] = subjectLabel(data ? (state.place ?? null) : null, sources, b.labels);
  const pointSource = (fc: FeatureCollection) => ({ type: 'geojson' as const, data: fc, promoteId: 'placeId' });
  const hidden = new Set(Object.entries(LAYER_CATALOG).filter(([id]) => !state.layers.includes(id as never)).flatMap(([, e]) => e.styleLayers));
  // Order: each layer's z (areas, then lines, then points, then every label above every shape,
  // most important on top: MapLibre places the topmost symbol layer first when labels collide).
  const background: LayerSpecification = { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } };
  const ctx = { lang, breaks: classBreaks(districtCountList(data, state.topic)) };
  const placed = LAYERS.flatMap((d) => d.style(ctx)).map((p, i) => ({ ...p, i }));
  const layers: LayerSpecification[] = [
    background,
    ...placed.sort((a, b) => a.z - b.z || a.i - b.i).map((p) => p.layer),
  ].map(shareShaders).map((l) => scaleLayerText(l, typeScaleOf(state))).map((l) => subjectGivenWay(l, data ? (state.place ?? null) : null)).map((l) => (hidden.has(l.id) ? ({ ...l, layout: { ...(l as { layout?: object }).layout, visibility: 'none' } } as LayerSpecification) : l));
  // The sources built from the boundaries. Context shapes are backdrop: coarser tiling (simplify
  // more, no tiles past z10) halves the worker's share of them; Beijing's own keep MapLibre's defaults.
  const boundarySources: StyleSpecification['sources'] = {
    context: { type: 'geojson', data: b.context, ...BACKDROP_TILING },
    outlines: { type: 'geojson', data: b.outlines, ...BACKDROP_TILING },
    districts: { type: 'geojson', data: b.districts, promoteId: 'id' },
    labels: { type: 'geojson', data: b.labels },
    extents: { type: 'geojson', data: b.extents, promoteId: 'id' },
  };
  // Every other source a layer draws is a place source; empty until the data is in.
  const placeSourceIds = layers.flatMap((l) => ('source' in l && typeof l.source === 'string' && !(l.source in boundarySources) ? [l.source] : []));
  return {
    version: 8,
    name: 'beijing-innovation-atlas',
    sources: { ...boundarySources, ...Object.fromEntries(placeSourceIds.map((id) => [id, pointSource(sources[id] ?? EMPTY)])) },
    layers,
  };
}
