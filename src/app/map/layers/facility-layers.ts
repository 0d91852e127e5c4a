/** Facilities, institutes, universities, parks, zones, companies and towns the documents cite. */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE } from '../map-theme.ts';
import { dotPaint, haloPaint, labelPaint, pointLabelLayout } from './point-style.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';
import { FACILITY_KINDS, placePoints } from '../place-features.ts';

export function facilityLayers(): LayerSpecification[] {
  return [
    { id: 'facilities-halo', type: 'circle', source: 'facilities', paint: haloPaint(PALETTE.facility) },
    { id: 'facilities-dot', type: 'circle', source: 'facilities', paint: dotPaint(PALETTE.facility) },
  ];
}

export function facilityLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'facilities-label',
      type: 'symbol',
      source: 'facilities',
      // Dozens of places cluster in Haidian, Changping and Huairou: names only once zoomed in,
      // most-cited first, each free to move to whichever side has room.
      minzoom: 10,
      layout: pointLabelLayout(lang, { 'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'top-right'], 'text-padding': 4 }),
      paint: labelPaint(PALETTE.pointText),
    },
  ];
}

export const facilitiesLayer: LayerDescriptor = {
  id: 'facilities',
  style: ({ lang }) => [...facilityLayers().map(at(70)), ...facilityLabelLayers(lang).map(at(110))],
  hits: { 'facilities-dot': 0, 'facilities-label': 1 },
  sources: (input) => ({ facilities: placePoints(input, (kind) => FACILITY_KINDS.has(kind), { props: (p) => ({ kind: p.kind }) }) }),
  lists: { kinds: (kind) => FACILITY_KINDS.has(kind) },
  legend: [
    { symbol: 'circle', colour: PALETTE.facility, labelKey: 'legend.facility' },
    { symbol: 'halo', colour: PALETTE.facility, labelKey: 'legend.precision' },
  ],
};
