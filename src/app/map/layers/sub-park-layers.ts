/** The 16 sub-parks of the Zhongguancun demonstration zone: position, its uncertainty, and a name. */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE } from '../map-theme.ts';
import { dotPaint, haloPaint, labelPaint, pointLabelLayout } from './point-style.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';
import { placePoints } from '../place-features.ts';

export function subParkLayers(): LayerSpecification[] {
  return [
    { id: 'sub-parks-halo', type: 'circle', source: 'sub-parks', paint: haloPaint(PALETTE.subPark) },
    { id: 'sub-parks-dot', type: 'circle', source: 'sub-parks', paint: dotPaint(PALETTE.subPark) },
  ];
}

export function subParkLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'sub-parks-label',
      type: 'symbol',
      source: 'sub-parks',
      // At the Beijing-wide view the district names carry the map; park names join one step in.
      minzoom: 9,
      layout: pointLabelLayout(lang, { 'text-padding': 3 }),
      paint: labelPaint(PALETTE.subPark),
    },
  ];
}

export const subParksLayer: LayerDescriptor = {
  id: 'sub-parks',
  style: ({ lang }) => [...subParkLayers().map(at(60)), ...subParkLabelLayers(lang).map(at(130))],
  // Halos are not clickable: a wide one would swallow clicks meant for its district.
  hits: { 'sub-parks-dot': 0, 'sub-parks-label': 1 },
  // Every sub-park is drawn, cited or not: the 一区十六园 is the frame the documents refer to.
  sources: (input) => ({ 'sub-parks': placePoints(input, (kind) => kind === 'sub-park', { all: true, props: (p) => ({ district: p.district ?? null }) }) }),
  lists: { kinds: (kind) => kind === 'sub-park', uncited: true },
  legend: [
    { symbol: 'circle', colour: PALETTE.subPark, labelKey: 'legend.subPark' },
    { symbol: 'halo', colour: PALETTE.subPark, labelKey: 'legend.precision' },
    { symbol: 'circle', colour: PALETTE.muted, labelKey: 'legend.quiet' },
  ],
};
