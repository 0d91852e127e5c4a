import { describe, expect, it } from 'vitest';
import { DecodeError, decodeCollection, decodeRing } from '../../../src/geo/decode-echarts.ts';

// Hand-encoded: each char is zigzag(delta) + 64, so '@' = 0, 'A' = −1, 'B' = +1, 'C' = −2, 'D' = +2.
describe('decodeRing', () => {
  it('starts at the offset and adds zigzag deltas, scaled by 1/1024', () => {
    expect(decodeRing('@@B@@BA@', [1024, 2048])).toEqual([
      [1, 2],
      [1025 / 1024, 2],
      [1025 / 1024, 2049 / 1024],
      [1, 2049 / 1024],
    ]);
  });

  it('decodes larger steps in both directions', () => {
    expect(decodeRing('DC', [0, 0])).toEqual([[2 / 1024, -2 / 1024]]);
  });

  it('honours a custom scale', () => {
    expect(decodeRing('@@', [10, 20], 10)).toEqual([[1, 2]]);
  });

  it('rejects an odd-length ring', () => {
    expect(() => decodeRing('@@@', [0, 0])).toThrow(DecodeError);
  });

  it('rejects characters below "@"', () => {
    expect(() => decodeRing('@?', [0, 0])).toThrow(/below/);
  });
});

describe('decodeCollection', () => {
  it('decodes Polygon and MultiPolygon features and keeps their properties', () => {
    const fc = decodeCollection({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        { id: '1', type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: ['@@B@'], encodeOffsets: [[0, 0]] } },
        {
          type: 'Feature',
          properties: { name: 'b' },
          geometry: { type: 'MultiPolygon', coordinates: [['@@'], ['@@']], encodeOffsets: [[[1024, 0]], [[2048, 0]]] },
        },
      ],
    });
    expect(fc.features[0]).toMatchObject({ id: '1', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1 / 1024, 0]]] } });
    expect(fc.features[1].geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[1, 0]]], [[[2, 0]]]] });
  });

  it('passes plain GeoJSON through unchanged', () => {
    const plain = { type: 'FeatureCollection' as const, features: [] };
    expect(decodeCollection(plain)).toBe(plain);
  });
});
