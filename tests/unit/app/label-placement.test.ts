import { describe, expect, it } from 'vitest';
import { type Box, overlaps, placeGreedy } from '../../../src/app/map/label-placement.ts';

describe('placeGreedy', () => {
  const tries = (c: { id: string; at: Box[] }) => c.at.map((box, i) => ({ box, i }));

  it('places candidates in order, each at its first try that overlaps nothing placed', () => {
    const placed = placeGreedy(
      [
        { id: 'a', at: [[0, 0, 10, 10]] as Box[] },
        { id: 'b', at: [[5, 5, 15, 15], [20, 0, 30, 10]] as Box[] },
        { id: 'c', at: [[25, 5, 35, 15]] as Box[] },
        { id: 'd', at: [[10, 0, 20, 10]] as Box[] },
      ],
      tries,
    );
    expect(placed.map((p) => [p.candidate.id, p.placed.i])).toEqual([['a', 0], ['b', 1], ['d', 0]]);
  });

  it('lets boxes touch without counting it as overlap', () => {
    expect(overlaps([0, 0, 10, 10], [10, 0, 20, 10])).toBe(false);
    expect(overlaps([0, 0, 10, 10], [9.9, 9.9, 20, 20])).toBe(true);
  });
});
