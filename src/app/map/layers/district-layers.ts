/** Beijing's 16 districts: fill with hover highlight (feature-state), outline and labels. */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';

export function districtLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'district-fill',
      type: 'fill',
      source: 'districts',
      paint: {
        'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], PALETTE.districtHover, PALETTE.districtFill],
        'fill-opacity': 0.95,
      },
    },
    {
      id: 'district-line',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': PALETTE.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 11, 2] },
    },
    {
      id: 'district-label',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'level'], 'district'],
      layout: {
        'text-field': nameField(lang),
        'text-font': labelFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 15],
        'text-padding': 2,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': PALETTE.districtText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
  ];
}
