import { describe, expect, it } from 'vitest';
import type { ExpressionSpecification } from 'maplibre-gl';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { TYPE_FACTOR, scaleSize, typeScaleOf } from '../../../src/app/map/type-scale.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { boundaries, data } from './map-fixtures.ts';

describe('scaleSize', () => {
  it('scales a number, the outputs of a zoom curve (not its stops), and wraps any other expression', () => {
    expect(scaleSize(11, 1.5)).toBe(16.5);
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 7, 11, 10, 15], 1.5)).toEqual(['interpolate', ['linear'], ['zoom'], 7, 16.5, 10, 22.5]);
    expect(scaleSize(['step', ['zoom'], 10, 8, 12], 2)).toEqual(['step', ['zoom'], 20, 8, 24]);
    const byCase: ExpressionSpecification = ['case', ['==', ['get', 'linkKind'], 'mention'], 16, 22];
    expect(scaleSize(byCase, 1.5)).toEqual(['*', 1.5, byCase]);
    expect(scaleSize(byCase, 1)).toBe(byCase);
  });
});

describe('the type scale of the style', () => {
  const sizes = (tour: string | null) =>
    new Map(buildStyle(boundaries, data, { ...DEFAULT_STATE, tour }).layers.flatMap((l) => (l.type === 'symbol' && l.layout?.['text-size'] !== undefined ? [[l.id, l.layout['text-size']]] : [])));

  it('follows the presenting theme: every label half as large again, none under 16 px on a projector', () => {
    expect(typeScaleOf({ tour: 'default' })).toBe('projector');
    expect(typeScaleOf({ tour: null })).toBe('screen');
    const screen = sizes(null);
    const projector = sizes('default');
    expect([...projector.keys()]).toEqual([...screen.keys()]);
    // A zoom curve's outputs: [interpolate, type, input, stop, OUT, stop, OUT …].
    const smallest = (v: unknown): number => (typeof v === 'number' ? v : Math.min(...(v as unknown[]).filter((_, i) => i >= 4 && i % 2 === 0).map(Number)));
    for (const [id, size] of projector) {
      if (typeof size === 'number') expect(size, id).toBeCloseTo((screen.get(id) as number) * TYPE_FACTOR.projector, 5);
      if (typeof size === 'number' || (size as unknown[])[0] === 'interpolate') expect(smallest(size), id).toBeGreaterThanOrEqual(16);
    }
  });
});
