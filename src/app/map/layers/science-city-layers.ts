/**
 * The 三城一区 as schematic extents: a dashed outline (these are not official boundaries) over a
 * faint tint that leaves the district choropleth readable, labelled as schematic in both languages.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { type Lang, t } from '../../i18n/strings.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';
import { localeOf } from '../../i18n/locale.ts';
import { at, lineEntry, type LayerDescriptor } from '../layer-descriptor.ts';
import { extentLabelPoints } from '../place-features.ts';

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** "中关村科学城（示意范围）" / "Zhongguancun Science City (schematic extent)", from the feature's names. */
export function extentLabel(lang: Lang): ExpressionSpecification {
  const [open, close] = localeOf(lang).parens;
  return ['concat', nameField(lang), `\n${open.trim()}${t('geo.schematicExtent', lang)}${close}`];
}

/** The extents' look, plain and selected. */
const EXTENT_LOOK = { fillOpacity: { plain: 0.08, selected: 0.22 }, lineWidth: { plain: 1.6, selected: 3 }, dash: [3, 2] } as const;

export function scienceCityLayers(): LayerSpecification[] {
  return [
    {
      id: 'science-cities-fill',
      type: 'fill',
      source: 'extents',
      paint: { 'fill-color': PALETTE.extentFill, 'fill-opacity': ['case', selected, EXTENT_LOOK.fillOpacity.selected, EXTENT_LOOK.fillOpacity.plain] },
    },
    {
      id: 'science-cities-line',
      type: 'line',
      source: 'extents',
      paint: {
        'line-color': PALETTE.extentLine,
        'line-width': ['case', selected, EXTENT_LOOK.lineWidth.selected, EXTENT_LOOK.lineWidth.plain],
        'line-dasharray': ['literal', [...EXTENT_LOOK.dash]],
      },
    },
  ];
}

export function scienceCityLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'science-cities-label',
      type: 'symbol',
      // One point per extent (not the polygon, which MapLibre labels once per tile it crosses).
      source: 'extent-labels',
      minzoom: 8,
      layout: {
        'text-field': extentLabel(lang),
        'text-font': labelFont,
        'text-size': 12,
        // Wide enough for "Zhongguancun Science City" on one line (CJK names wrap at 9 ems anyway).
        'text-max-width': 14,
        'text-padding': 2,
      },
      paint: { 'text-color': PALETTE.extentText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
  ];
}

export const scienceCitiesLayer: LayerDescriptor = {
  id: 'science-cities',
  style: ({ lang }) => [...scienceCityLayers().map(at(30)), ...scienceCityLabelLayers(lang).map(at(140))],
  // Not the fill: 中关村科学城's extent is all of Haidian and would make the district unclickable.
  hits: { 'science-cities-label': 2, 'science-cities-line': 2 },
  legend: [lineEntry({ dash: EXTENT_LOOK.dash, cap: 'butt', width: EXTENT_LOOK.lineWidth.plain }, PALETTE.extentLine, 'legend.extent')],
  sources: (input) => ({ 'extent-labels': extentLabelPoints(input) }),
};
