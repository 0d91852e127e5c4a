import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { applyState, clickablePlaceAt, selectionTargets } from '../../../src/app/map/apply-state.ts';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { registerMap } from '../../../src/app/map/map-registry.ts';
import { LAYER_CATALOG } from '../../../src/app/map/layer-catalog.ts';
import { DEFAULT_STATE, type AtlasState } from '../../../src/app/state/state.ts';
import { countsKey } from '../../../src/app/data/atlas-data.ts';
import { boundaries, data } from './map-fixtures.ts';

/** Records what applyState asks of the map; layers and sources as in the built style. */
function fakeMap(built: AtlasState, pointsTopic?: AtlasState['topic']) {
  const pointsCounts = pointsTopic === undefined ? undefined : countsKey(pointsTopic, data);
  const style = buildStyle(boundaries, data, built);
  const calls: string[] = [];
  const state = new Map<string, Record<string, unknown>>();
  const setData = new Map<string, FeatureCollection>();
  const layout = new Map<string, unknown>();
  const filters = new Map<string, unknown>();
  const map = {
    getLayer: (id: string) => style.layers.find((l) => l.id === id),
    getSource: (id: string) => (id in style.sources ? { setData: (d: FeatureCollection) => (calls.push(`setData ${id}`), setData.set(id, d)) } : undefined),
    setLayoutProperty: (id: string, k: string, v: unknown) => (calls.push(`layout ${id} ${k}`), layout.set(`${id} ${k}`, v)),
    setPaintProperty: (id: string, k: string) => calls.push(`paint ${id} ${k}`),
    setFilter: (id: string, filter: unknown) => (calls.push(`filter ${id}`), filters.set(id, filter)),
    setFeatureState: (f: { source: string; id: string | number }, s: Record<string, unknown>) => {
      calls.push(`state ${f.source}`);
      const key = `${f.source}/${f.id}`;
      state.set(key, { ...state.get(key), ...s });
    },
  };
  registerMap(map, boundaries, { ...built, pointsCounts });
  return { map: map as never, calls, state, setData, layout, filters };
}

describe('applyState', () => {
  it('sets district counts, classes and point data on first use, then does nothing for the same state', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, DEFAULT_STATE, data);
    expect(f.state.get('districts/haidian')?.count).toBe(data.districtCounts(null).get('haidian'));
    expect(f.calls).toContain('paint districts-fill fill-color');
    // One per place source the layer modules build: sub-parks, facilities, JJJ arcs, nodes, national arrows, extent label points.
    expect(f.calls.filter((c) => c.startsWith('setData'))).toHaveLength(6);
    f.calls.length = 0;
    applyState(f.map, { ...DEFAULT_STATE }, data);
    expect(f.calls).toEqual([]);
  });

  it('keeps the point data a style was built with, and still draws counts and the selection', () => {
    const f = fakeMap(DEFAULT_STATE, null);
    applyState(f.map, { ...DEFAULT_STATE, place: 'zgc-science-city' }, data);
    // Only the subject's name is new: the point data stay.
    expect(f.calls.filter((c) => c.startsWith('setData'))).toEqual(['setData subject']);
    expect(f.state.get('districts/haidian')?.count).toBe(data.districtCounts(null).get('haidian'));
    expect(f.state.get('extents/zgc-science-city')?.selected).toBe(true);
    f.calls.length = 0;
    applyState(f.map, { ...DEFAULT_STATE, place: 'zgc-science-city', topic: 'quantum' }, data);
    // One per place source the layer modules build: sub-parks, facilities, JJJ arcs, nodes, national arrows, extent label points (the subject stays).
    expect(f.calls.filter((c) => c.startsWith('setData'))).toHaveLength(6);
  });

  it('recounts for a document filter: the same theme, the filter’s tallies', () => {
    const f = fakeMap(DEFAULT_STATE, null);
    applyState(f.map, DEFAULT_STATE, data);
    const whole = f.state.get('districts/haidian')?.count;
    expect(whole).toBeGreaterThan(0);
    const filter = { publisher: 'x', from: null, to: null, script: null };
    try {
      data.useTallies(new Map());
      applyState(f.map, { ...DEFAULT_STATE, filter }, data);
      expect(f.state.get('districts/haidian')?.count).toBe(0);
      const parks = f.setData.get('sub-parks')!;
      expect(parks.features.every((p) => p.properties?.factCount === 0)).toBe(true);
    } finally {
      data.useTallies(null);
    }
    applyState(f.map, DEFAULT_STATE, data);
    expect(f.state.get('districts/haidian')?.count).toBe(whole);
  });

  it('recounts for a topic: districts and the points’ factCount', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, { ...DEFAULT_STATE, topic: 'quantum' }, data);
    expect(f.state.get('districts/dongcheng')?.count).toBe(data.districtCounts('quantum').get('dongcheng'));
    const parks = f.setData.get('sub-parks')!;
    for (const p of parks.features) expect(p.properties?.factCount).toBe(data.count(p.properties?.placeId, 'quantum'));
  });

  it('toggles exactly the style layers of the layers that changed', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, DEFAULT_STATE, data);
    applyState(f.map, { ...DEFAULT_STATE, layers: ['districts', 'sub-parks', 'jjj', 'facilities'] }, data);
    for (const l of LAYER_CATALOG['science-cities'].styleLayers) expect(f.layout.get(`${l} visibility`)).toBe('none');
    expect(f.layout.get('districts-fill visibility')).toBe('visible');
  });

  it('moves the selection from one place to the next and clears it', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, { ...DEFAULT_STATE, place: 'haidian' }, data);
    expect(f.state.get('districts/haidian')?.selected).toBe(true);
    applyState(f.map, { ...DEFAULT_STATE, place: 'zgc-haidian-park' }, data);
    expect(f.state.get('districts/haidian')?.selected).toBe(false);
    expect(f.state.get('sub-parks/zgc-haidian-park')?.selected).toBe(true);
    applyState(f.map, { ...DEFAULT_STATE, place: 'sanhe' }, data);
    expect(f.state.get('jjj-arcs/sanhe')?.selected).toBe(true);
    expect(f.state.get('jjj-nodes/sanhe')?.selected).toBe(true);
    applyState(f.map, { ...DEFAULT_STATE, place: null }, data);
    expect([...f.state.values()].some((s) => s.selected === true)).toBe(false);
  });

  it('names the subject with its own label and takes it out of the ordinary labels, then gives it back', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, { ...DEFAULT_STATE, place: 'zgc-haidian-park' }, data);
    const subject = f.setData.get('subject')!;
    expect(subject.features.map((x) => [x.properties?.placeId, x.properties?.nameZhHans, x.properties?.area])).toEqual([['zgc-haidian-park', data.places.get('zgc-haidian-park')!.names.zhHans, false]]);
    const park = f.setData.get('sub-parks') ?? buildStyle(boundaries, data, DEFAULT_STATE).sources['sub-parks'];
    expect(subject.features[0].geometry).toEqual((park as { data: FeatureCollection }).data?.features.find((x) => x.properties?.placeId === 'zgc-haidian-park')?.geometry ?? expect.anything());
    // The label layer that draws the subject leaves it out; no other layer is touched (a filter re-lays a layer out).
    expect([...f.filters.keys()]).toEqual(['sub-parks-label']);
    expect(JSON.stringify(f.filters.get('sub-parks-label'))).toContain('zgc-haidian-park');
    applyState(f.map, { ...DEFAULT_STATE, place: 'haidian' }, data);
    expect(f.setData.get('subject')!.features.map((x) => [x.properties?.nameEn, x.properties?.area])).toEqual([['Haidian District', true]]);
    // The park's label is back; the district's names (its label, and its name when zoomed in) leave it out, keeping their own filter.
    expect(JSON.stringify(f.filters.get('sub-parks-label'))).not.toContain('zgc-haidian-park');
    expect(JSON.stringify(f.filters.get('districts-label'))).toContain('haidian');
    expect(JSON.stringify(f.filters.get('districts-label'))).toContain('"district"');
    expect(JSON.stringify(f.filters.get('districts-view-label'))).toContain('haidian');
    applyState(f.map, { ...DEFAULT_STATE, place: null }, data);
    expect(f.setData.get('subject')!.features).toEqual([]);
    expect(JSON.stringify(f.filters.get('sub-parks-label'))).not.toContain('zgc-haidian-park');
  });

  it('clears the selection when the place and the topic change together', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, { ...DEFAULT_STATE, place: 'haidian' }, data);
    applyState(f.map, { ...DEFAULT_STATE, place: null, topic: 'ai' }, data);
    expect(f.state.get('districts/haidian')?.selected).toBe(false);
  });

  it('shows the 一区 through the extent it is drawn with', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, DEFAULT_STATE, data);
    expect(selectionTargets('beijing-etda', data, new Map([['extents', new Set(['beijing-etda'])]]))).toEqual([{ source: 'extents', id: 'beijing-etda' }]);
    applyState(f.map, { ...DEFAULT_STATE, place: 'innovation-cluster-zone' }, data);
    expect(f.state.get('extents/beijing-etda')?.selected).toBe(true);
  });

  it('switches label language in place', () => {
    const f = fakeMap(DEFAULT_STATE);
    applyState(f.map, { ...DEFAULT_STATE, lang: 'en' }, data);
    expect(JSON.stringify(f.layout.get('districts-label text-field'))).toContain('"nameEn"');
    expect(f.layout.get('facilities-label text-field')).toEqual(['get', 'nameEn']);
  });
});

describe('clickablePlaceAt', () => {
  const feature = (layer: string, props: Record<string, unknown>, id?: string) => ({ layer: { id: layer }, properties: props, id });
  const at = (hits: unknown[]) => clickablePlaceAt({ getLayer: () => ({}), queryRenderedFeatures: () => hits } as never, [0, 0]);

  it('prefers a point over the district under it, whatever the render order', () => {
    expect(at([feature('districts-fill', { id: 'haidian' }, 'haidian'), feature('sub-parks-dot', { placeId: 'zgc-haidian-park' })])).toBe('zgc-haidian-park');
  });

  it('reads districts and extents by feature id and returns null on empty ground', () => {
    expect(at([feature('districts-fill', { id: 'haidian' }, 'haidian')])).toBe('haidian');
    expect(at([feature('districts-fill', { id: 'haidian' }, 'haidian'), feature('science-cities-line', { id: 'zgc-science-city' }, 'zgc-science-city')])).toBe('zgc-science-city');
    expect(at([])).toBeNull();
  });
});
