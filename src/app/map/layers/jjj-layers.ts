/**
 * Jing-Jin-Ji links (curved lines from a Beijing anchor to each Tianjin/Hebei node the documents
 * cite, one style per kind of link the documents state) and national nodes as arrows pointing off
 * the frame. A place the documents only name as a location gets a grey dot or arrow and no line.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { type LinkKind, type LinkLook, jjjFeatures, nationalArrows } from '../place-features.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';
import { localeOf } from '../../i18n/locale.ts';
import { citedFirst, dotPaint, isQuiet, isSelected, labelPaint, pointLabelLayout } from './point-style.ts';
import { at, lineEntry, type LayerDescriptor, type LegendEntry, type LineLook } from '../layer-descriptor.ts';

/** Line widths by fact count (the legend samples a middle one); the selected link is thickest. */
const LINK_WIDTH = { least: 1.2, most: 3.5, selected: 4, legend: 2.5 } as const;

/**
 * Colour and dash per link kind: they differ in dash as well as hue, for colour-blind readers.
 * Dashes are in line widths with round caps (each dash grows half a width at both ends): [0, 2]
 * is a row of dots, [2, 2.5] dashes three widths long. The legend draws the same look.
 */
const linkLook = (dash: number[] | null): LineLook => ({ dash, cap: 'round', width: LINK_WIDTH.legend });
export const LINK_STYLE: Record<LinkKind, { colour: string; look: LineLook }> = {
  'zgc-park': { colour: PALETTE.linkZgcPark, look: linkLook(null) },
  integration: { colour: PALETTE.linkIntegration, look: linkLook([2, 2.5]) },
  cooperation: { colour: PALETTE.linkCooperation, look: linkLook([0, 2]) },
};
export const LINK_KINDS = Object.keys(LINK_STYLE) as LinkKind[];
/** A node's dot takes its link's colour; a mention's is grey. */
const colourOfLink = ['match', ['get', 'linkKind'], ...LINK_KINDS.flatMap((k) => [k, LINK_STYLE[k].colour]), PALETTE.mention] as unknown as ExpressionSpecification;
const isMention: ExpressionSpecification = ['==', ['get', 'linkKind'], 'mention'];
/** Links the topic does not mention fade. */
const LINK_OPACITY = { cited: 0.9, quiet: 0.35 } as const;

/** One line layer per kind: a fixed dash per layer renders the same in every MapLibre version. */
export function jjjLinkLayers(): LayerSpecification[] {
  const arcs = LINK_KINDS.map((kind): LayerSpecification => {
    const { colour, look } = LINK_STYLE[kind];
    return {
      id: `jjj-arcs-${kind}`,
      type: 'line',
      source: 'jjj-arcs',
      filter: ['==', ['get', 'linkKind'], kind],
      layout: { 'line-cap': look.cap },
      paint: {
        'line-color': colour,
        'line-width': ['case', isSelected, LINK_WIDTH.selected, ['interpolate', ['linear'], ['to-number', ['get', 'factCount'], 0], 0, LINK_WIDTH.least, 20, LINK_WIDTH.most]],
        'line-opacity': ['case', isQuiet, LINK_OPACITY.quiet, LINK_OPACITY.cited],
        ...(look.dash ? { 'line-dasharray': ['literal', [...look.dash]] as unknown as number[] } : {}),
      },
    };
  });
  return [...arcs, { id: 'jjj-nodes', type: 'circle', source: 'jjj-nodes', paint: dotPaint(colourOfLink) }];
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
        // A mention is a smaller arrow: a place named, no tie stated.
        'text-size': ['case', isMention, 16, 22],
        'text-rotate': ['-', ['to-number', ['get', 'bearing'], 90], 90],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': ['case', isSelected, PALETTE.selected, isMention, PALETTE.mention, isQuiet, PALETTE.mutedText, PALETTE.national],
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
      paint: { ...labelPaint(PALETTE.national), 'text-color': ['case', ['any', isQuiet, isMention], PALETTE.mutedText, PALETTE.national] },
    },
  ];
}

const LINK_LEGEND_KEY = { 'zgc-park': 'legend.linkZgcPark', integration: 'legend.linkIntegration', cooperation: 'legend.linkCooperation', mention: 'legend.mention' } as const;

/** What the legend calls a kind of link (the panel says it too). */
export const linkLabelKey = (kind: LinkLook): (typeof LINK_LEGEND_KEY)[LinkLook] => LINK_LEGEND_KEY[kind];

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
    ...LINK_KINDS.map((k): LegendEntry => lineEntry(LINK_STYLE[k].look, LINK_STYLE[k].colour, LINK_LEGEND_KEY[k])),
    { symbol: 'arrow', colour: PALETTE.national, labelKey: 'legend.national' },
    { symbol: 'arrow', colour: PALETTE.mention, labelKey: 'legend.mention' },
  ],
};
