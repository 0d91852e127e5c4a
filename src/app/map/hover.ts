/** Hover highlight on districts through feature-state (no re-styling, no data copies). */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function enableDistrictHover(map: MapLibreMap): void {
  let hovered: string | number | undefined;
  const set = (id: string | number | undefined) => {
    if (hovered === id) return;
    if (hovered !== undefined) map.setFeatureState({ source: 'districts', id: hovered }, { hover: false });
    hovered = id;
    if (hovered !== undefined) map.setFeatureState({ source: 'districts', id: hovered }, { hover: true });
    map.getCanvas().style.cursor = hovered === undefined ? '' : 'pointer';
  };
  map.on('mousemove', 'districts-fill', (e) => set(e.features?.[0]?.id));
  map.on('mouseleave', 'districts-fill', () => set(undefined));
}
