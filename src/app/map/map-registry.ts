/**
 * What applyState needs to know about a map besides the state: the boundaries it was built from
 * and what has been applied so far (so applying the same state twice does nothing).
 */
import type { FeatureCollection } from 'geojson';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { AtlasState } from '../state/state.ts';
import { type TypeScale, typeScaleOf } from './type-scale.ts';

export interface Applied {
  lang: AtlasState['lang'];
  /** The type scale the labels are drawn at (the presenting theme's, or the screen's). */
  scale: TypeScale;
  layers: string;
  /** What the counts were drawn for (countsKey: theme and document filter); undefined = not yet. */
  counts: string | undefined;
  /** What the point sources' data were made for (undefined = none yet): setData re-tiles, so skip it when unchanged. */
  pointsCounts: string | undefined;
  /** undefined = must be drawn again (after new data). */
  place: string | null | undefined;
  /** Where the selection was drawn, to clear it on the next change. */
  selected: Array<{ source: string; id: string }>;
  /** Places highlighted from the document reader (the sentence being read). */
  reading: Array<{ source: string; id: string }>;
  /** Feature ids per source, to find the selected place's features. */
  ids: Map<string, Set<string>>;
  /** The place the subject label was drawn for (null: none). */
  subject: string | null;
  /** The place sources last drawn (where the subject label finds its place). */
  sources: Record<string, FeatureCollection>;
}

interface Entry {
  boundaries: Boundaries;
  applied: Applied;
}

const registry = new WeakMap<object, Entry>();

/**
 * Called when a style is set from `built` (createMap, or after setStyle); `pointsCounts` is what
 * its point sources were built for (countsKey), if it was built with facts.
 */
export function registerMap(map: object, boundaries: Boundaries, built: Pick<AtlasState, 'lang' | 'layers'> & Partial<Pick<AtlasState, 'tour' | 'place'>> & { pointsCounts?: string }): void {
  registry.set(map, {
    boundaries,
    applied: { lang: built.lang, scale: typeScaleOf(built), layers: built.layers.join(), counts: undefined, pointsCounts: built.pointsCounts, place: null, selected: [], reading: [], ids: new Map(), sources: {},
      // A style built with facts names its subject already (build-style.ts); one built without has none.
      subject: built.pointsCounts !== undefined ? (built.place ?? null) : null },
  });
}

export function registered(map: object): Entry {
  const entry = registry.get(map);
  if (!entry) throw new Error('applyState: map was not created by createMap (call registerMap first)');
  return entry;
}
