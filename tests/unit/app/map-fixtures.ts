/** The data files the map tests need, from the seed corpus run in process (the summary the app's first view loads). */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Topic } from '../../../src/types.ts';
import { placeSources } from '../../../src/app/map/build-style.ts';
import { parseBoundaries } from '../../../src/app/data/load-boundaries.ts';
import { boundaryTopology, factsFile } from '../../fixtures/corpus.ts';
import { siteOf } from './site-fixtures.ts';

export const boundaries = parseBoundaries(JSON.parse(JSON.stringify(boundaryTopology)));
export const data = siteOf(factsFile()).index;

/** The place sources every layer module builds (placeSources), by name, for a theme. */
export function placeFeatures(topic: Topic | null) {
  const s = placeSources({ data, boundaries, topic });
  const points = (id: string) => s[id] as FeatureCollection<Point>;
  return {
    sources: s,
    subParks: points('sub-parks'),
    facilities: points('facilities'),
    jjjArcs: s['jjj-arcs'] as FeatureCollection<LineString>,
    jjjNodes: points('jjj-nodes'),
    national: points('national'),
  };
}
