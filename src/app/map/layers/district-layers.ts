/**
 * Beijing's 16 districts as a choropleth of how many facts the documents give about each
 * (feature-state `count`, set by applyState), with hover and selection outlines and labels.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { choroplethColour } from '../choropleth.ts';
import { CHOROPLETH_RAMP, PALETTE, districtNameField, labelFont } from '../map-theme.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';

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

/** The source of the names of districts whose label point is out of view (filled by the WebGL view after each move). */
export const DISTRICT_VIEW_LABELS = 'district-view-labels';

/** District names, kept apart so they can sit above the point layers. */
export function districtLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'districts-label',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'level'], 'district'],
      layout: {
        'text-field': districtNameField(lang),
        'text-font': labelFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 15],
        'text-padding': 1,
        'text-allow-overlap': false,
        // Every district named at the overview: 东城区 and 西城区 lie too close for two centred
        // labels, so a name may move beside its point (west of it, east, above, below) to fit.
        'text-variable-anchor': ['center', 'right', 'left', 'bottom', 'top'],
        'text-radial-offset': 0.3,
      },
      paint: { 'text-color': PALETTE.districtText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
    {
      // Zoomed in, a district whose label point is off screen is named inside its part in view (view-labels.ts).
      id: 'districts-view-label',
      type: 'symbol',
      source: DISTRICT_VIEW_LABELS,
      layout: {
        'text-field': districtNameField(lang),
        'text-font': labelFont,
        'text-size': 13,
        'text-padding': 4,
      },
      paint: { 'text-color': PALETTE.districtText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 },
    },
  ];
}

/** The choropleth, lowest of Beijing's shapes; district names the topmost labels. */
export const districtsLayer: LayerDescriptor = {
  id: 'districts',
  style: ({ lang, breaks }) => [...districtLayers(breaks).map(at(20)), ...districtLabelLayers(lang).map(at(150))],
  // Last: a click on a park or a line inside a district picks that, not the district.
  hits: { 'districts-fill': 5 },
  legend: [
    { symbol: 'fill', colour: CHOROPLETH_RAMP[CHOROPLETH_RAMP.length - 1], labelKey: 'legend.facts' },
    { symbol: 'fill', colour: PALETTE.choroplethZero, labelKey: 'legend.noFacts' },
  ],
};
