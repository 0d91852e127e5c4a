/** Province outlines (Beijing, Tianjin, Hebei) drawn above the districts so Beijing's edge reads clearly. */
import type { LayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../map-theme.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';

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

/** Above the districts and extents, below links and points. */
export const provinceOutlineLayer: LayerDescriptor = {
  id: null,
  style: () => provinceOutlineLayers().map(at(40)),
  hits: {},
  legend: [],
};
