/** Facilities, institutes, universities, parks, zones, companies and towns the documents cite. */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';
import { citedFirst, dotPaint, haloPaint, labelPaint } from './point-style.ts';

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
      layout: {
        'text-field': nameField(lang),
        'text-font': labelFont,
        'text-size': 11,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'top-right'],
        'text-radial-offset': 0.7,
        'text-max-width': 8,
        'text-padding': 4,
        'symbol-sort-key': citedFirst,
      },
      paint: labelPaint(PALETTE.pointText),
    },
  ];
}
