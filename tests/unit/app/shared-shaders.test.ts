import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { SHARED_PAINT, perFeatureValue, shareShaders } from '../../../src/app/map/shared-shaders.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { TOPIC_ORDER } from '../../../src/app/ui/labels.ts';
import { boundaries, data } from './map-fixtures.ts';
import { paintSpecs, parsePaint } from './paint-expressions.ts';

const kind = (layerType: string, prop: string, value: unknown): string => parsePaint(layerType, prop, value).kind;

/**
 * Which paint properties a layer feeds per feature, read from the style spec itself (every
 * property that can be data-driven), not from the list the code under test keeps.
 */
function variant(layer: LayerSpecification): string {
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  return Object.entries(paintSpecs(layer.type))
    .filter(([, s]) => s['property-type'].includes('data-driven'))
    .filter(([p]) => paint[p] !== undefined && ['source', 'composite'].includes(kind(layer.type, p, paint[p])))
    .map(([p]) => p)
    .join(',');
}

describe('perFeatureValue', () => {
  it('turns a constant into a per-feature value that evaluates to the constant', () => {
    expect(kind('line', 'line-width', 0.8)).toBe('constant');
    expect(kind('line', 'line-width', perFeatureValue(0.8))).toBe('source');
    const colour = parsePaint('fill', 'fill-color', perFeatureValue('#3f6fb5')).evaluate({ zoom: 8 }, { type: 1, properties: { level: 'district' } } as never) as { r: number; g: number; b: number };
    expect([colour.r, colour.g, colour.b].map((c) => Math.round(c * 255))).toEqual([0x3f, 0x6f, 0xb5]);
  });

  it('keeps a zoom curve outermost and gives the same value at every zoom', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 7, 0.8, 11, 2];
    const shared = perFeatureValue(curve);
    expect(kind('line', 'line-width', shared)).toBe('composite');
    const before = parsePaint('line', 'line-width', curve);
    const after = parsePaint('line', 'line-width', shared);
    for (const zoom of [5, 7, 8.3, 9.5, 11, 14]) {
      expect(after.evaluate({ zoom }, { type: 2, properties: {} } as never)).toBeCloseTo(before.evaluate({ zoom }) as number, 10);
    }
    const step = perFeatureValue(['step', ['zoom'], 1, 9, 2]) as unknown[];
    expect(step.slice(0, 2)).toEqual(['step', ['zoom']]);
    expect(kind('line', 'line-width', step)).toBe('composite');
  });

  it('leaves what already reads the feature as it is', () => {
    const selected = ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.6];
    expect(perFeatureValue(selected)).toBe(selected);
    const byCount = ['interpolate', ['linear'], ['zoom'], 0, ['get', 'r'], 20, ['*', ['get', 'r'], 2]];
    expect(perFeatureValue(byCount)).toBe(byCount);
  });

  it('falls back to the style spec’s own default for a property a layer leaves unset', () => {
    for (const [layerType, props] of Object.entries(SHARED_PAINT)) {
      for (const [prop, fallback] of Object.entries(props ?? {})) expect([prop, fallback]).toEqual([prop, paintSpecs(layerType)[prop].default]);
    }
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
