/**
 * Which map to open: MapLibre when the browser can run it, else the SVG map with the reason; and
 * the SVG map again if WebGL is lost later. The SVG map's module loads only then.
 */
import type { AtlasIndex } from '../../data/atlas-data.ts';
import type { Boundaries } from '../../data/load-boundaries.ts';
import { type FallbackReason, type MapView, hasWebgl2 } from '../../map/map-view.ts';
import { webglView } from '../../map/webgl-view.ts';
import type { AtlasState } from '../../state/state.ts';

export const loadSvgView = () => import('../../svg-map/svg-view.ts');

/** Whatever a MapLibre that failed half-way through its constructor left in the container is cleared first. */
export async function openMap(container: HTMLElement, b: Boundaries, data: AtlasIndex, state: AtlasState): Promise<MapView> {
  let reason: FallbackReason = { kind: 'unsupported' };
  if (hasWebgl2()) {
    try {
      return webglView(container, b, data, state);
    } catch (error) {
      reason = { kind: 'failed', error };
      container.replaceChildren();
      container.classList.remove('maplibregl-map');
    }
  }
  return (await loadSvgView()).svgView(container, b, data, state, reason);
}
