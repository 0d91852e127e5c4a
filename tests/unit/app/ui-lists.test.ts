import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { siteOf } from './site-fixtures.ts';
import { classLabel, themeLine } from '../../../src/app/features/legend/legend-model.ts';
import { choroplethLegend, classColours } from '../../../src/app/map/choropleth.ts';
import { PALETTE } from '../../../src/app/map/map-theme.ts';
import { listMove, placeListModel } from '../../../src/app/features/place-list/place-list-model.ts';
import { boundaries, placeFeatures } from './map-fixtures.ts';
import type { FactsFile } from '../../../src/types.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const data = siteOf(file).index;
const full = indexFacts(file);

describe('place list model', () => {
  it('lists districts, 三城一区, one section per point layer, then other places with facts, each place once', () => {
    const sections = placeListModel(data, null, 'zh');
    expect(sections.map((s) => s.key)).toEqual(['districts', 'sancheng-yiqu', 'sub-parks', 'jjj', 'facilities', 'others']);
    const [districts, sy, subParks, links] = sections;
    expect(districts.items.map((i) => i.id)).toEqual(file.places.filter((p) => p.kind === 'district').map((p) => p.id));
    expect(sy.items.map((i) => i.id)).toEqual(expect.arrayContaining(['zgc-science-city', 'huairou-science-city', 'future-science-city']));
    expect(subParks.items.map((i) => i.id).sort()).toEqual(file.places.filter((p) => p.kind === 'sub-park').map((p) => p.id).sort());
    expect(links.items.length).toBeGreaterThan(0);
    for (const s of sections.slice(2)) {
      const counts = s.items.map((i) => i.count);
      expect(counts, s.key).toEqual([...counts].sort((a, b) => b - a));
    }
    const ids = sections.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts facts within the theme, as the panel does', () => {
    const [districts] = placeListModel(data, 'ai', 'en');
    for (const it of districts.items) expect(it.count).toBe(full.factsOf(it.id, 'ai').length);
    expect(districts.items.find((i) => i.id === 'haidian')?.name).toBe('Haidian District');
  });

  // The keyboard's way to a map click: whatever the map draws and a click selects, the list offers.
  it.each([null, 'ai', 'quantum'] as const)('lists every place the map draws, whatever the theme (%s)', (topic) => {
    const listed = new Set(placeListModel(data, topic, 'en').flatMap((s) => s.items.map((i) => i.id)));
    const f = placeFeatures(topic);
    const drawn = [
      ...boundaries.districts.features.map((x) => String(x.properties?.id)),
      ...boundaries.extents.features.map((x) => String(x.properties?.id)),
      ...[f.subParks, f.facilities, f.jjjArcs, f.jjjNodes, f.national].flatMap((fc) => fc.features.map((x) => String(x.properties?.placeId))),
    ].filter((id) => data.places.has(id));
    expect(drawn.length).toBeGreaterThan(50);
    expect(drawn.filter((id) => !listed.has(id))).toEqual([]);
  });
});

describe('place list keys', () => {
  const starts = [0, 16, 21];
  it('moves one place with the arrows, stopping at the ends', () => {
    expect(listMove('ArrowDown', 0, 30, starts)).toBe(1);
    expect(listMove('ArrowDown', 29, 30, starts)).toBe(29);
    expect(listMove('ArrowUp', 0, 30, starts)).toBe(0);
    expect(listMove('ArrowUp', 5, 30, starts)).toBe(4);
  });

  it('jumps to the ends with Home/End and between sections with PageUp/PageDown', () => {
    expect(listMove('Home', 12, 30, starts)).toBe(0);
    expect(listMove('End', 12, 30, starts)).toBe(29);
    expect(listMove('PageDown', 3, 30, starts)).toBe(16);
    expect(listMove('PageDown', 25, 30, starts)).toBe(29);
    expect(listMove('PageUp', 18, 30, starts)).toBe(16);
    expect(listMove('PageUp', 16, 30, starts)).toBe(0);
    expect(listMove('Enter', 3, 30, starts)).toBeNull();
  });
});

describe('legend helpers', () => {
  it('says what is shown', () => {
    expect(themeLine('ai', 'zh')).toBe('按主题：人工智能 — 各区相关事实数');
    expect(themeLine('ai', 'en')).toBe('Facts per district about: Artificial intelligence');
    expect(themeLine(null, 'en')).toBe('Facts per district, all themes');
  });

  it('builds classes with a marked zero class', () => {
    // Counts whose quartile bounds are 1, 3, 6 and 8: four classes, the last ending at the largest count.
    const c = choroplethLegend([1, 2, 3, 4, 6, 7, 8, 9]);
    const colours = classColours([1, 3, 6, 8]);
    expect(c).toEqual([{ colour: PALETTE.choroplethZero, min: 0, max: 0 }, { colour: colours[0], min: 1, max: 2 }, { colour: colours[1], min: 3, max: 5 }, { colour: colours[2], min: 6, max: 7 }, { colour: colours[3], min: 8, max: 9 }]);
    expect(c.map((x) => classLabel(x, 'en'))).toEqual(['0 (no facts)', '1–2', '3–5', '6–7', '8–9']);
    expect(choroplethLegend([0, 0])).toEqual([{ colour: PALETTE.choroplethZero, min: 0, max: 0 }]);
    expect(classLabel({ colour: '#a', min: 4, max: 4 }, 'zh')).toBe('4');
  });
});
