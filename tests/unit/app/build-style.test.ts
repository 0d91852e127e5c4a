import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import type { Boundaries } from '../../../src/app/data/load-boundaries.ts';
import { DEFAULT_STATE, LAYER_IDS } from '../../../src/app/state/state.ts';
import { LAYER_CATALOG } from '../../../src/app/map/layer-catalog.ts';
import { boundaries, data } from './map-fixtures.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const bare = { districts: empty, context: empty, outlines: empty, labels: empty, extents: empty } as Boundaries;
const state = (lang: 'zh' | 'en') => ({ ...DEFAULT_STATE, lang });

describe('buildStyle', () => {
  it.each(['zh', 'en'] as const)('produces a style that validates against the MapLibre style spec (%s)', (lang) => {
    expect(validateStyleMin(buildStyle(bare, null, state(lang)) as never)).toEqual([]);
    expect(validateStyleMin(buildStyle(boundaries, data, state(lang)) as never)).toEqual([]);
    expect(validateStyleMin(buildStyle(boundaries, data, { ...state(lang), topic: 'quantum' }) as never)).toEqual([]);
  });

  it('loads nothing from the network: no glyphs, sprite or remote sources', () => {
    const style = buildStyle(boundaries, data, state('zh'));
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    for (const src of Object.values(style.sources)) expect(src.type).toBe('geojson');
  });

  it('keys districts and extents by their id and points and links by placeId, for feature-state', () => {
    const { sources } = buildStyle(boundaries, data, state('zh'));
    expect(sources.districts).toMatchObject({ promoteId: 'id' });
    expect(sources.extents).toMatchObject({ promoteId: 'id' });
    for (const id of ['sub-parks', 'facilities', 'jjj-arcs', 'jjj-nodes', 'national']) expect(sources[id], id).toMatchObject({ promoteId: 'placeId' });
  });

  it('fills the point sources from the facts', () => {
    const { sources } = buildStyle(boundaries, data, state('zh'));
    const count = (id: string) => ((sources[id] as { data: FeatureCollection }).data.features.length);
    expect(count('sub-parks')).toBe(16);
    expect(count('facilities')).toBeGreaterThan(10);
    expect(count('jjj-arcs')).toBe(count('jjj-nodes'));
    expect(count('national')).toBeGreaterThan(0);
  });

  it('labels districts in Chinese by default and in English when asked', () => {
    const label = (lang: 'zh' | 'en') => buildStyle(bare, null, state(lang)).layers.find((l) => l.id === 'districts-label') as { layout: Record<string, unknown> };
    expect(label('zh').layout['text-field']).toEqual(['get', 'nameZhHans']);
    // English names on the map are short (Haidian): the expression reads nameEn and drops the locale's suffix.
    expect(JSON.stringify(label('en').layout['text-field'])).toContain('"nameEn"');
    expect(JSON.stringify(label('en').layout['text-field'])).toContain('" District"');
  });

  it('draws Beijing’s outline above its districts and the context below them, labels above shapes', () => {
    const layers = buildStyle(bare, null, state('zh')).layers;
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf('context-fill')).toBeLessThan(ids.indexOf('districts-fill'));
    expect(ids.indexOf('province-outline')).toBeGreaterThan(ids.indexOf('districts-line'));
    const firstSymbol = layers.findIndex((l) => l.type === 'symbol' && l.id !== 'context-label');
    expect(layers.slice(firstSymbol).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('hides the style layers of layers the state leaves out', () => {
    const style = buildStyle(boundaries, data, { ...state('zh'), layers: LAYER_IDS.filter((l) => l !== 'jjj') });
    for (const l of style.layers) {
      const visibility = (l as { layout?: { visibility?: string } }).layout?.visibility;
      expect(visibility ?? 'visible', l.id).toBe(LAYER_CATALOG.jjj.styleLayers.includes(l.id) ? 'none' : 'visible');
    }
  });

  it('is not fed by anything but same-origin data files in the app source', () => {
    const src = readFileSync('src/app/map/create-map.ts', 'utf8') + readFileSync('src/app/data/load-boundaries.ts', 'utf8');
    expect(src).not.toMatch(/https?:\/\//);
  });
});
