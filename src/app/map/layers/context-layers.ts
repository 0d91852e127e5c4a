/** The Jing-Jin-Ji frame, drawn quietly: Tianjin's districts, Hebei's prefectures and focus counties. */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';

/** The context lines' look, also drawn by the SVG map: dashes in line widths, counties finer. */
export const CONTEXT_LINE = { dash: [2, 2], width: { county: 0.5, other: 0.8 } } as const;

export function contextLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'context-fill',
      type: 'fill',
      source: 'context',
      filter: ['!=', ['get', 'level'], 'county'],
      paint: { 'fill-color': PALETTE.contextFill },
    },
    {
      id: 'context-line',
      type: 'line',
      source: 'context',
      paint: {
        'line-color': PALETTE.contextLine,
        'line-width': ['case', ['==', ['get', 'level'], 'county'], CONTEXT_LINE.width.county, CONTEXT_LINE.width.other],
        'line-dasharray': ['literal', [...CONTEXT_LINE.dash]],
      },
    },
    {
      id: 'context-label',
      type: 'symbol',
      source: 'labels',
      filter: ['match', ['get', 'level'], ['prefecture', 'tianjin-district'], true, false],
      minzoom: 7,
      layout: {
        'text-field': nameField(lang),
        'text-font': labelFont,
        'text-size': 11,
        'text-padding': 4,
      },
      paint: { 'text-color': PALETTE.contextText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1 },
    },
  ];
}

/** The Jing-Jin-Ji backdrop, under everything (its names too: they give way to Beijing's). */
export const contextLayer: LayerDescriptor = {
  id: null,
  style: ({ lang }) => contextLayers(lang).map(at(10)),
  hits: {},
  legend: [],
};
