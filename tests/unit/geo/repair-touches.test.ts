import { describe, expect, it } from 'vitest';
import booleanValid from '@turf/boolean-valid';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { repairTouches } from '../../../src/geo/repair-touches.ts';

const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });

describe('repairTouches', () => {
  it('separates two parts that touch at a single shared vertex', () => {
    const touching = feature({
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
        [[[2, 2], [3, 2], [3.5, 3], [3, 3], [2, 3], [2, 2]]],
      ],
    });
    expect(booleanValid(touching)).toBe(false);
    const fixed = repairTouches(touching);
    expect(booleanValid(fixed)).toBe(true);
    // The larger part keeps all its vertices; the smaller one loses the shared corner.
    expect((fixed.geometry as MultiPolygon).coordinates[0][0]).toHaveLength(5);
    expect((fixed.geometry as MultiPolygon).coordinates[1][0]).toHaveLength(5);
  });

  it('returns a valid feature unchanged', () => {
    const square = feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
    expect(repairTouches(square)).toBe(square);
  });
});
