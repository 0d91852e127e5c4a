/**
 * The scene of an atlas state: the style the WebGL map is built from, with the feature states
 * applyState would set on it (district counts for the theme, the selection), evaluated at a zoom.
 */
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { AtlasState } from '../state/state.ts';
import { drawnIds, selectionTargets } from '../map/apply-state.ts';
import { buildStyle, placeSources } from '../map/build-style.ts';
import { buildScene, type FeatureStates, type MapScene } from './map-scene.ts';

export type SceneState = Pick<AtlasState, 'lang' | 'topic' | 'layers' | 'place'>;

export function featureStates(data: AtlasIndex, b: Boundaries, state: Pick<AtlasState, 'topic' | 'place'>): FeatureStates {
  const states: FeatureStates = new Map();
  const set = (source: string, id: string, s: Record<string, unknown>) => {
    const bySource = states.get(source) ?? new Map<string, Record<string, unknown>>();
    bySource.set(id, { ...bySource.get(id), ...s });
    states.set(source, bySource);
  };
  for (const [id, count] of data.districtCounts(state.topic)) set('districts', id, { count });
  if (state.place) {
    const ids = drawnIds(placeSources({ data, boundaries: b, topic: state.topic }), b);
    for (const at of selectionTargets(state.place, data, ids)) set(at.source, at.id, { selected: true });
  }
  return states;
}

/** What the WebGL map draws for `state` at `zoom`, shape by shape. */
export function sceneOfState(b: Boundaries, data: AtlasIndex, state: SceneState, zoom: number): MapScene {
  return buildScene(buildStyle(b, data, state), featureStates(data, b, state), zoom);
}
