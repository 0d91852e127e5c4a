import { describe, expect, it } from 'vitest';
import { cleanGeometry, cleanRing } from '../../../src/geo/clean-rings.ts';

describe('cleanRing', () => {
  it('drops repeated consecutive points and closes the ring', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('keeps an already closed ring closed exactly once', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('drops a ring with fewer than three distinct points', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 0], [0, 0]])).toBeNull();
  });
});

describe('cleanGeometry', () => {
  it('turns a MultiPolygon with one surviving part into a Polygon', () => {
    const g = cleanGeometry({
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [5, 5], [5, 5]]]],
    });
    expect(g).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  });

  it('drops a degenerate hole but keeps the outer ring', () => {
    const g = cleanGeometry({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [1, 1]]] });
    expect(g).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]]] });
  });
});
