/** Province outlines (Beijing, Tianjin, Hebei) drawn above the districts so Beijing's edge reads clearly. */
import type { LayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../map-theme.ts';

export function provinceOutlineLayers(): LayerSpecification[] {
  return [
    {
      id: 'province-outline',
      type: 'line',
      source: 'outlines',
      paint: { 'line-color': PALETTE.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.5] },
    },
  ];
}
