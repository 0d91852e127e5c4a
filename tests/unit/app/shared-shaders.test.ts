import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { perFeatureValue, shareShaders } from '../../../src/app/map/shared-shaders.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { TOPIC_ORDER } from '../../../src/app/ui/labels.ts';
import { boundaries, data } from './map-fixtures.ts';

type Spec = Record<string, { 'property-type': string }>;
const parse = (value: unknown, spec: unknown) => createPropertyExpression(value, 'paint', spec as never);
const kind = (value: unknown, spec: unknown): string => {
  const parsed = parse(value, spec);
  if (parsed.result !== 'success') throw new Error(`invalid expression: ${JSON.stringify(value)}`);
  return parsed.value.kind;
};

/**
 * Which paint properties a layer feeds per feature, read from the style spec itself (every
 * property that can be data-driven), not from the list the code under test keeps.
 */
function variant(layer: LayerSpecification): string {
  const specs = (latest as unknown as Record<string, Spec>)[`paint_${layer.type}`] ?? {};
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  return Object.entries(specs)
    .filter(([, s]) => s['property-type'].includes('data-driven'))
    .filter(([p]) => paint[p] !== undefined && ['source', 'composite'].includes(kind(paint[p], specs[p])))
    .map(([p]) => p)
    .join(',');
}

const spec = (layerType: string, prop: string) => (latest as unknown as Record<string, Spec>)[`paint_${layerType}`][prop];

describe('perFeatureValue', () => {
  it('turns a constant into a per-feature value that evaluates to the constant', () => {
    expect(kind(0.8, spec('line', 'line-width'))).toBe('constant');
    expect(kind(perFeatureValue(0.8), spec('line', 'line-width'))).toBe('source');
    const parsed = parse(perFeatureValue('#3f6fb5'), spec('fill', 'fill-color'));
    if (parsed.result !== 'success') throw new Error('parse');
    const colour = parsed.value.evaluate({ zoom: 8 }, { type: 1, properties: { level: 'district' } } as never) as { r: number; g: number; b: number };
    expect([colour.r, colour.g, colour.b].map((c) => Math.round(c * 255))).toEqual([0x3f, 0x6f, 0xb5]);
  });

  it('keeps a zoom curve outermost and gives the same value at every zoom', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 7, 0.8, 11, 2];
    const shared = perFeatureValue(curve);
    expect(kind(shared, spec('line', 'line-width'))).toBe('composite');
    const before = parse(curve, spec('line', 'line-width'));
    const after = parse(shared, spec('line', 'line-width'));
    if (before.result !== 'success' || after.result !== 'success') throw new Error('parse');
    for (const zoom of [5, 7, 8.3, 9.5, 11, 14]) {
      expect(after.value.evaluate({ zoom }, { type: 2, properties: {} } as never)).toBeCloseTo(before.value.evaluate({ zoom }) as number, 10);
    }
    const step = perFeatureValue(['step', ['zoom'], 1, 9, 2]) as unknown[];
    expect(step.slice(0, 2)).toEqual(['step', ['zoom']]);
    expect(kind(step, spec('line', 'line-width'))).toBe('composite');
  });

  it('leaves what already reads the feature as it is', () => {
    const selected = ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.6];
    expect(perFeatureValue(selected)).toBe(selected);
    const byCount = ['interpolate', ['linear'], ['zoom'], 0, ['get', 'r'], 20, ['*', ['get', 'r'], 2]];
    expect(perFeatureValue(byCount)).toBe(byCount);
  });

  it('turns off fill antialiasing (its outline pass is a second program; every fill has a line drawn over it)', () => {
    const fill = shareShaders({ id: 'f', type: 'fill', source: 's', paint: { 'fill-color': '#fff' } });
    expect((fill as { paint: Record<string, unknown> }).paint['fill-antialias']).toBe(false);
  });
});

describe('the built style', () => {
  it.each([null, ...TOPIC_ORDER.slice(0, 3)])('compiles to one shader program per layer type (topic %s)', (topic) => {
    const style = buildStyle(boundaries, data, { ...DEFAULT_STATE, topic: topic as never });
    const variants = new Map<string, Set<string>>();
    for (const layer of style.layers) {
      if (layer.type === 'background') continue;
      // Dashed lines are drawn by MapLibre's distance-field line program, solid ones by the plain one.
      const dashed = layer.type === 'line' && (layer.paint as Record<string, unknown> | undefined)?.['line-dasharray'] !== undefined;
      const group = `${layer.type}${dashed ? ' (dashed)' : ''}`;
      variants.set(group, (variants.get(group) ?? new Set()).add(variant(layer)));
    }
    for (const [group, set] of variants) expect([group, [...set]]).toEqual([group, [...set].slice(0, 1)]);
    expect([...variants.keys()].sort()).toEqual(['circle', 'fill', 'line', 'line (dashed)', 'symbol']);
  });
});
