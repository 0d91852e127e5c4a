/** Deterministic GeoJSON text: fixed precision, one feature per line (diff-friendly, byte-stable). */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { mapPositions } from './clean-rings.ts';

export function roundGeometry(g: Geometry, digits: number): Geometry {
  const k = 10 ** digits;
  const r = (v: number) => Math.round(v * k) / k;
  return mapPositions(g, (p: Position) => [r(p[0]), r(p[1])]);
}

export function formatFeatureCollection(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
