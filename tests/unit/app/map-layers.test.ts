import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { LAYER_CATALOG, clickableLayers } from '../../../src/app/map/layer-catalog.ts';
import { DEFAULT_STATE, LAYER_IDS } from '../../../src/app/state/state.ts';
import { STRINGS } from '../../../src/app/i18n/strings.ts';
import { METRES_PER_PIXEL_Z0, precisionRadius } from '../../../src/app/map/layers/point-style.ts';
import { extentLabel } from '../../../src/app/map/layers/science-city-layers.ts';
import { nationalLabel } from '../../../src/app/map/layers/jjj-layers.ts';
import { boundaries, data } from './map-fixtures.ts';

const style = (lang: 'zh' | 'en') => buildStyle(boundaries, data, { ...DEFAULT_STATE, lang });
const ids = style('zh').layers.map((l) => l.id);

describe('layer modules', () => {
  it.each(['zh', 'en'] as const)('each layer’s style layers validate on their own (%s)', (lang) => {
    const full = style(lang);
    for (const layerId of LAYER_IDS) {
      const layers = full.layers.filter((l) => LAYER_CATALOG[layerId].styleLayers.includes(l.id));
      expect(validateStyleMin({ ...full, layers } as never), layerId).toEqual([]);
    }
  });

  it('prefixes every toggleable style layer with its LayerId', () => {
    for (const id of LAYER_IDS) for (const l of LAYER_CATALOG[id].styleLayers) expect(l.startsWith(`${id}-`), l).toBe(true);
  });

  it('labels extents as schematic in the UI language', () => {
    expect(JSON.stringify(extentLabel('zh'))).toContain('示意范围');
    expect(JSON.stringify(extentLabel('en'))).toContain('(schematic)');
  });

  it('formats national distances with the UI language’s locale', () => {
    expect(JSON.stringify(nationalLabel('en'))).toContain('"locale":"en"');
    expect(JSON.stringify(nationalLabel('zh'))).toContain('"locale":"zh-Hans"');
  });

  it('sizes precision halos to the ground radius: 1 km is 1000 / (78 271.5 × cos 40° / 2^z) px', () => {
    expect(METRES_PER_PIXEL_Z0).toBeCloseTo(59959.4, 0);
    const [, , , z0, r0, z20, r20] = precisionRadius() as unknown[];
    expect([z0, z20]).toEqual([0, 20]);
    expect(r0).toEqual(['/', ['to-number', ['get', 'precisionM'], 0], METRES_PER_PIXEL_Z0]);
    expect(r20).toEqual(['*', r0, 2 ** 20]);
    // At zoom 10 a 3 km halo is about 51 px across in radius.
    expect((3000 / METRES_PER_PIXEL_Z0) * 2 ** 10).toBeCloseTo(51.2, 0);
  });
});

describe('layer catalog', () => {
  it('names only style layers that exist, each in one layer only', () => {
    const seen = new Set<string>();
    for (const id of LAYER_IDS) {
      const e = LAYER_CATALOG[id];
      for (const l of [...e.styleLayers, ...e.clickable]) expect(ids, `${id}: ${l}`).toContain(l);
      for (const l of e.clickable) expect(e.styleLayers).toContain(l);
      for (const l of e.styleLayers) {
        expect(seen.has(l), l).toBe(false);
        seen.add(l);
      }
    }
  });

  it('gives every layer style layers, something clickable, a label and a legend with known strings', () => {
    for (const id of LAYER_IDS) {
      const e = LAYER_CATALOG[id];
      expect(e.styleLayers.length, id).toBeGreaterThan(0);
      expect(e.clickable.length, id).toBeGreaterThan(0);
      expect(e.legend.length, id).toBeGreaterThan(0);
      expect(STRINGS[e.labelKey]).toBeDefined();
      for (const l of e.legend) {
        expect(STRINGS[l.labelKey], l.labelKey).toBeDefined();
        expect(l.colour).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it('covers every style layer drawn from a toggleable source', () => {
    // The backdrop, and the subject's name (drawn whatever the toggles).
    const base = new Set(['background', 'context-fill', 'context-line', 'context-label', 'province-outline', 'subject-area-label', 'subject-point-label']);
    const listed = new Set(LAYER_IDS.flatMap((id) => LAYER_CATALOG[id].styleLayers));
    for (const l of style('zh').layers as LayerSpecification[]) if (!base.has(l.id)) expect(listed.has(l.id), l.id).toBe(true);
  });

  it('hit-tests points before lines before extents before districts', () => {
    const order = clickableLayers(LAYER_IDS);
    expect(order.indexOf('sub-parks-dot')).toBeLessThan(order.indexOf('jjj-arcs-zgc-park'));
    expect(order.indexOf('sub-parks-label')).toBeLessThan(order.indexOf('science-cities-label'));
    expect(order).not.toContain('science-cities-fill');
    expect(order.at(-1)).toBe('districts-fill');
    expect(clickableLayers(['districts'])).toEqual(['districts-fill']);
  });
});
