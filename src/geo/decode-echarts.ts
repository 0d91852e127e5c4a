/**
 * Decoder for ECharts 4 "UTF8Encoding" map geometry.
 *
 * Each ring is a string plus an [x, y] start offset. Every pair of characters
 * is one point delta: char code − 64, zigzag-decoded, added to the running
 * value, and divided by the scale (1024 by default).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: number[][] | number[][][];
}

export interface EncodedCollection {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: Array<{ id?: string; type: 'Feature'; properties: Record<string, unknown>; geometry: EncodedGeometry }>;
}

export class DecodeError extends Error {}

const zigzag = (v: number): number => (v >> 1) ^ -(v & 1);

export function decodeRing(encoded: string, offset: readonly number[], scale = 1024): Position[] {
  if (encoded.length % 2 !== 0) throw new DecodeError(`encoded ring has odd length ${encoded.length}`);
  if (offset.length !== 2 || !offset.every(Number.isFinite)) throw new DecodeError('ring offset must be two finite numbers');
  let x = offset[0];
  let y = offset[1];
  const out: Position[] = [];
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    if (dx < 0 || dy < 0) throw new DecodeError(`character below '@' at index ${i}`);
    x += zigzag(dx);
    y += zigzag(dy);
    out.push([x / scale, y / scale]);
  }
  return out;
}

export function decodeGeometry(g: EncodedGeometry, scale = 1024): Geometry {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[];
    const offsets = g.encodeOffsets as number[][];
    return { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i], scale)) };
  }
  if (g.type === 'MultiPolygon') {
    const polys = g.coordinates as string[][];
    const offsets = g.encodeOffsets as number[][][];
    return {
      type: 'MultiPolygon',
      coordinates: polys.map((rings, p) => rings.map((r, i) => decodeRing(r, offsets[p][i], scale))),
    };
  }
  throw new DecodeError(`unsupported geometry type ${(g as { type: string }).type}`);
}

/** Decodes a whole collection; a collection that is not encoded passes through unchanged. */
export function decodeCollection(fc: EncodedCollection | FeatureCollection): FeatureCollection {
  if (!('UTF8Encoding' in fc) || !fc.UTF8Encoding) return fc as FeatureCollection;
  const scale = fc.UTF8Scale ?? 1024;
  const features: Feature[] = fc.features.map((f) => ({
    type: 'Feature',
    ...(f.id !== undefined ? { id: f.id } : {}),
    properties: f.properties,
    geometry: decodeGeometry(f.geometry, scale),
  }));
  return { type: 'FeatureCollection', features };
}
