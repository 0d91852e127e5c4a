/**
 * Beijing's 16 districts as a choropleth of how many facts the documents give about each
 * (feature-state `count`, set by applyState), with hover and selection outlines and labels.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { choroplethColour } from '../choropleth.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

export function districtLayers(breaks: number[]): LayerSpecification[] {
  return [
    {
      id: 'districts-fill',
      type: 'fill',
      source: 'districts',
      paint: { 'fill-color': choroplethColour(breaks), 'fill-opacity': 0.95 },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': PALETTE.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 11, 2] },
    },
    {
      // Hover and selection as outlines: a fill tint would hide the choropleth class underneath.
      id: 'districts-selected',
      type: 'line',
      source: 'districts',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), PALETTE.districtSelected, PALETTE.districtHover],
        'line-width': ['case', state('selected'), 3.5, state('hover'), 2.5, 0],
      },
    },
  ];
}

/** District names, kept apart so they can sit above the point layers. */
export function districtLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'districts-label',
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
