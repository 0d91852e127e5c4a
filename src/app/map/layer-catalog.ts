/**
 * What each toggleable layer is made of — its style layers (for visibility), the ones a click
 * can hit, and its legend — generated from the layer descriptors (layers/index.ts). The UI
 * renders toggles and legend from this; applyState and clickablePlaceAt use it.
 */
import type { StringKey } from '../i18n/strings.ts';
import { LAYER_IDS, type LayerId } from '../state/state.ts';
import { classBreaks } from './choropleth.ts';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerDescriptor, LegendEntry, PlaceListing } from './layer-descriptor.ts';
import { LAYERS } from './layers/index.ts';

export { dashPixels, type LegendEntry, type LegendSymbol, type LineLook } from './layer-descriptor.ts';

export interface LayerEntry {
  labelKey: StringKey;
  /** Style layer ids shown and hidden with this layer. */
  styleLayers: string[];
  /** Style layers whose features a click selects: points carry `placeId`, districts and extents are keyed by `id`. */
  clickable: string[];
  legend: readonly LegendEntry[];
  /** The sources its style layers draw from. */
  sources: string[];
  /** Those drawn as marks at a point: dots (circle layers other than halos) and arrows (rotated symbols). */
  markSources: string[];
  /** The places the place list lists under its name (none when null). */
  lists: PlaceListing | null;
}

/** A layer's style layers (their ids and sources) do not depend on the language or the counts. */
const styleLayersOf = (d: LayerDescriptor) => d.style({ lang: 'zh', breaks: classBreaks([]) }).map((p) => p.layer);
const isMark = (l: LayerSpecification) =>
  (l.type === 'circle' && !l.id.endsWith('-halo')) || (l.type === 'symbol' && l.layout?.['text-rotate'] !== undefined);
const sourceOf = (l: LayerSpecification) => ('source' in l && typeof l.source === 'string' ? [l.source] : []);

const byId = new Map(LAYERS.filter((d): d is LayerDescriptor & { id: LayerId } => d.id !== null).map((d) => [d.id, d]));

export const LAYER_CATALOG: Record<LayerId, LayerEntry> = Object.fromEntries(
  LAYER_IDS.map((id) => {
    const d = byId.get(id);
    if (!d) throw new Error(`layer ${id} has no module in map/layers/index.ts`);
    const styleLayers = styleLayersOf(d);
    return [id, {
      labelKey: `layer.${id}` as const,
      styleLayers: styleLayers.map((l) => l.id),
      clickable: Object.keys(d.hits),
      legend: d.legend,
      sources: [...new Set(styleLayers.flatMap(sourceOf))],
      markSources: [...new Set(styleLayers.filter(isMark).flatMap(sourceOf))],
      lists: d.lists ?? null,
    }];
  }),
) as Record<LayerId, LayerEntry>;

/** The toggleable layer that draws a source; null for the backdrop's. */
export function layerOfSource(source: string): LayerId | null {
  return LAYER_IDS.find((id) => LAYER_CATALOG[id].sources.includes(source)) ?? null;
}

const HIT_PRIORITY = new Map(LAYERS.flatMap((d) => Object.entries(d.hits)));

/**
 * Clickable layers in hit-test priority (each layer's `hits`): points and their labels first,
 * then lines (links, extent outlines and labels), then districts — a click on a park inside
 * Haidian picks the park. Ties keep the order of `visible`.
 */
export function clickableLayers(visible: readonly LayerId[]): string[] {
  const ids = visible.flatMap((l) => LAYER_CATALOG[l].clickable);
  return ids.map((id, i) => ({ id, i })).sort((a, b) => HIT_PRIORITY.get(a.id)! - HIT_PRIORITY.get(b.id)! || a.i - b.i).map((x) => x.id);
}
