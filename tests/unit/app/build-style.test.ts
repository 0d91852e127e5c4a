import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import type { Boundaries } from '../../../src/app/data/load-boundaries.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const boundaries = { districts: empty, context: empty, outlines: empty, labels: empty } as Boundaries;

describe('buildStyle', () => {
  it.each(['zh', 'en'] as const)('produces a style that validates against the MapLibre style spec (%s)', (lang) => {
    expect(validateStyleMin(buildStyle(boundaries, lang) as never)).toEqual([]);
  });

  it('loads nothing from the network: no glyphs, sprite or remote sources', () => {
    const style = buildStyle(boundaries, 'zh');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    for (const src of Object.values(style.sources)) expect(src.type).toBe('geojson');
  });

  it('keys districts by their id so hover can use feature-state', () => {
    expect(buildStyle(boundaries, 'zh').sources.districts).toMatchObject({ promoteId: 'id' });
  });

  it('labels districts in Chinese by default and in English when asked', () => {
    const label = (lang: 'zh' | 'en') => buildStyle(boundaries, lang).layers.find((l) => l.id === 'district-label') as { layout: Record<string, unknown> };
    expect(label('zh').layout['text-field']).toEqual(['get', 'nameZhHans']);
    expect(label('en').layout['text-field']).toEqual(['get', 'nameEn']);
  });

  it('draws Beijing’s outline above its districts and the context below them', () => {
    const ids = buildStyle(boundaries, 'zh').layers.map((l) => l.id);
    expect(ids.indexOf('context-fill')).toBeLessThan(ids.indexOf('district-fill'));
    expect(ids.indexOf('province-outline')).toBeGreaterThan(ids.indexOf('district-line'));
  });

  it('is not fed by anything but same-origin data files in the app source', () => {
    const src = readFileSync('src/app/map/create-map.ts', 'utf8') + readFileSync('src/app/data/load-boundaries.ts', 'utf8');
    expect(src).not.toMatch(/https?:\/\//);
  });
});
