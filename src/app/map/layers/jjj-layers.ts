/**
 * Jing-Jin-Ji links (curved lines from a Beijing anchor to each Tianjin/Hebei node the documents
 * cite, one style per kind of link) and national nodes as arrows pointing off the frame.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { type LinkKind, jjjFeatures, nationalArrows } from '../place-features.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';
import { localeOf } from '../../i18n/locale.ts';
import { citedFirst, dotPaint, isQuiet, isSelected, labelPaint, pointLabelLayout } from './point-style.ts';
import { at, lineSymbol, type LayerDescriptor, type LegendEntry } from '../layer-descriptor.ts';

/** Colour and dash per link kind: they differ in dash as well as hue, for colour-blind readers. */
export const LINK_STYLE: Record<LinkKind, { colour: string; dash: number[] | null }> = {
  'zgc-park': { colour: PALETTE.linkZgcPark, dash: null },
  integration: { colour: PALETTE.linkIntegration, dash: [4, 2] },
  cooperation: { colour: PALETTE.linkCooperation, dash: [1, 2] },
};
export const LINK_KINDS = Object.keys(LINK_STYLE) as LinkKind[];
/** Links the topic does not mention fade. */
const LINK_OPACITY = { cited: 0.9, quiet: 0.35 } as const;

/** One line layer per kind: a fixed dash per layer renders the same in every MapLibre version. */
export function jjjLinkLayers(): LayerSpecification[] {
  const arcs = LINK_KINDS.map((kind): LayerSpecification => {
    const { colour, dash } = LINK_STYLE[kind];
    return {
      id: `jjj-arcs-${kind}`,
      type: 'line',
      source: 'jjj-arcs',
      filter: ['==', ['get', 'linkKind'], kind],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': colour,
        'line-width': ['case', isSelected, 4, ['interpolate', ['linear'], ['to-number', ['get', 'factCount'], 0], 0, 1.2, 20, 3.5]],
        'line-opacity': ['case', isQuiet, LINK_OPACITY.quiet, LINK_OPACITY.cited],
        ...(dash ? { 'line-dasharray': ['literal', dash] as unknown as number[] } : {}),
      },
    };
  });
  return [...arcs, { id: 'jjj-nodes', type: 'circle', source: 'jjj-nodes', paint: dotPaint(PALETTE.linkCooperation) }];
}

/** "上海 1,070 km" / "Shanghai 1,070 km": the distance formatted for the UI language. */
export function nationalLabel(lang: Lang): ExpressionSpecification {
  return [
    'concat',
    nameField(lang),
    ' ',
    ['number-format', ['get', 'distanceKm'], { locale: localeOf(lang).tag, 'max-fraction-digits': 0 }],
    ' km',
  ];
}

export function jjjLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'jjj-label',
      type: 'symbol',
      source: 'jjj-nodes',
      minzoom: 7,
      layout: pointLabelLayout(lang),
      paint: labelPaint(PALETTE.pointText),
    },
    {
      // "→" points east; the arrow is turned to the place's map bearing (clockwise from north).
      id: 'jjj-national-arrow',
      type: 'symbol',
      source: 'national',
      layout: {
        'text-field': '→',
        'text-font': labelFont,
        'text-size': 22,
        'text-rotate': ['-', ['to-number', ['get', 'bearing'], 90], 90],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': ['case', isSelected, PALETTE.selected, ['case', isQuiet, PALETTE.mutedText, PALETTE.national]],
        'text-halo-color': PALETTE.halo,
        'text-halo-width': 2,
      },
    },
    {
      id: 'jjj-national-label',
      type: 'symbol',
      source: 'national',
      layout: {
        'text-field': nationalLabel(lang),
        'text-font': labelFont,
        'text-size': 11,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1.2,
        'text-max-width': 10,
        'text-padding': 2,
        'symbol-sort-key': citedFirst,
      },
      paint: labelPaint(PALETTE.national),
    },
  ];
}

const LINK_LEGEND_KEY = { 'zgc-park': 'legend.linkZgcPark', integration: 'legend.linkIntegration', cooperation: 'legend.linkCooperation' } as const;

export const jjjLayer: LayerDescriptor = {
  id: 'jjj',
  style: ({ lang }) => [...jjjLinkLayers().map(at(50)), ...jjjLabelLayers(lang).map(at(120))],
  hits: {
    'jjj-nodes': 0, 'jjj-national-arrow': 0, 'jjj-national-label': 0, 'jjj-label': 1,
    ...Object.fromEntries(LINK_KINDS.map((k) => [`jjj-arcs-${k}`, 2])),
  },
  sources: (input) => {
    const { arcs, nodes } = jjjFeatures(input);
    return { 'jjj-arcs': arcs, 'jjj-nodes': nodes, national: nationalArrows(input) };
  },
  lists: { kinds: (kind) => kind === 'jjj-node' || kind === 'national-node' },
  legend: [
    ...LINK_KINDS.map((k): LegendEntry => ({ symbol: lineSymbol(LINK_STYLE[k].dash), colour: LINK_STYLE[k].colour, labelKey: LINK_LEGEND_KEY[k] })),
    { symbol: 'arrow', colour: PALETTE.national, labelKey: 'legend.national' },
  ],
};
