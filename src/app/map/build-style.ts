/** The whole embedded style: no tiles, no glyph server, no sprite — every source inline. */
import type { StyleSpecification } from 'maplibre-gl';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { Lang } from '../i18n/strings.ts';
import { PALETTE } from './map-theme.ts';
import { contextLayers } from './layers/context-layers.ts';
import { districtLayers } from './layers/district-layers.ts';
import { provinceOutlineLayers } from './layers/province-outline-layers.ts';

export function buildStyle(b: Boundaries, lang: Lang): StyleSpecification {
  return {
    version: 8,
    name: 'beijing-innovation-atlas',
    sources: {
      context: { type: 'geojson', data: b.context },
      outlines: { type: 'geojson', data: b.outlines },
      districts: { type: 'geojson', data: b.districts, promoteId: 'id' },
      labels: { type: 'geojson', data: b.labels },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } },
      ...contextLayers(lang),
      ...districtLayers(lang),
      ...provinceOutlineLayers(),
    ],
  };
}
