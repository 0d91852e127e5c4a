/**
 * What each toggleable layer is made of: its style layers (for visibility), the ones a click
 * can hit, and its legend. The UI renders toggles and legend from this; applyState and
 * clickablePlaceAt use it, so a layer added to the style but not here is neither toggled nor hit.
 */
import type { LayerId } from '../state/state.ts';
import type { StringKey } from '../i18n/strings.ts';
import { CHOROPLETH_RAMP, PALETTE } from './map-theme.ts';
import { LINK_KINDS, LINK_STYLE } from './layers/jjj-layers.ts';

export type LegendSymbol = 'fill' | 'line' | 'dashed-line' | 'dotted-line' | 'circle' | 'halo' | 'arrow';

/** The legend's line for a dash pattern: dots (a 1-unit dash) stay dots, so the legend shows the same second channel as the map. */
export function lineSymbol(dash: readonly number[] | null): LegendSymbol {
  if (!dash) return 'line';
  return dash[0] <= 1 ? 'dotted-line' : 'dashed-line';
}

export interface LegendEntry {
  symbol: LegendSymbol;
  colour: string;
  labelKey: StringKey;
}

export interface LayerEntry {
  labelKey: StringKey;
  /** Style layer ids shown and hidden with this layer. */
  styleLayers: string[];
  /** Style layers whose features a click selects: points carry `placeId`, districts and extents are keyed by `id`. */
  clickable: string[];
  legend: LegendEntry[];
}

const linkLegendKey = { 'zgc-park': 'legend.linkZgcPark', integration: 'legend.linkIntegration', cooperation: 'legend.linkCooperation' } as const;

export const LAYER_CATALOG: Record<LayerId, LayerEntry> = {
  districts: {
    labelKey: 'layer.districts',
    styleLayers: ['districts-fill', 'districts-line', 'districts-selected', 'districts-label'],
    clickable: ['districts-fill'],
    legend: [
      { symbol: 'fill', colour: CHOROPLETH_RAMP[CHOROPLETH_RAMP.length - 1], labelKey: 'legend.facts' },
      { symbol: 'fill', colour: PALETTE.choroplethZero, labelKey: 'legend.noFacts' },
    ],
  },
  'science-cities': {
    labelKey: 'layer.science-cities',
    styleLayers: ['science-cities-fill', 'science-cities-line', 'science-cities-label'],
    // Not the fill: 中关村科学城's extent is all of Haidian and would make the district unclickable.
    clickable: ['science-cities-label', 'science-cities-line'],
    legend: [{ symbol: 'dashed-line', colour: PALETTE.extentLine, labelKey: 'legend.extent' }],
  },
  'sub-parks': {
    labelKey: 'layer.sub-parks',
    styleLayers: ['sub-parks-halo', 'sub-parks-dot', 'sub-parks-label'],
    clickable: ['sub-parks-dot', 'sub-parks-label'],
    legend: [
      { symbol: 'circle', colour: PALETTE.subPark, labelKey: 'legend.subPark' },
      { symbol: 'halo', colour: PALETTE.subPark, labelKey: 'legend.precision' },
      { symbol: 'circle', colour: PALETTE.muted, labelKey: 'legend.quiet' },
    ],
  },
  jjj: {
    labelKey: 'layer.jjj',
    styleLayers: [...LINK_KINDS.map((k) => `jjj-arcs-${k}`), 'jjj-nodes', 'jjj-label', 'jjj-national-arrow', 'jjj-national-label'],
    clickable: ['jjj-nodes', 'jjj-label', 'jjj-national-arrow', 'jjj-national-label', ...LINK_KINDS.map((k) => `jjj-arcs-${k}`)],
    legend: [
      ...LINK_KINDS.map((k): LegendEntry => ({ symbol: lineSymbol(LINK_STYLE[k].dash), colour: LINK_STYLE[k].colour, labelKey: linkLegendKey[k] })),
      { symbol: 'arrow', colour: PALETTE.national, labelKey: 'legend.national' },
    ],
  },
  facilities: {
    labelKey: 'layer.facilities',
    styleLayers: ['facilities-halo', 'facilities-dot', 'facilities-label'],
    clickable: ['facilities-dot', 'facilities-label'],
    legend: [
      { symbol: 'circle', colour: PALETTE.facility, labelKey: 'legend.facility' },
      { symbol: 'halo', colour: PALETTE.facility, labelKey: 'legend.precision' },
    ],
  },
};

/**
 * Clickable layers in hit-test priority: points and their labels first, then lines (links,
 * extent outlines and labels), then districts — a click on a park inside Haidian picks the
 * park. Halos are not clickable: a wide one would swallow clicks meant for its district.
 */
export function clickableLayers(visible: readonly LayerId[]): string[] {
  const rank = (id: string) =>
    id.endsWith('-dot') || id === 'jjj-nodes' || id.startsWith('jjj-national') ? 0
    : id.endsWith('-label') && !id.startsWith('science-cities') ? 1
    : id.startsWith('jjj-arcs') || id.startsWith('science-cities') ? 2
    : 5;
  const ids = visible.flatMap((l) => LAYER_CATALOG[l].clickable);
  return ids.map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id);
}
