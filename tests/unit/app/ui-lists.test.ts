import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { classLabel, classesFrom, themeLine } from '../../../src/app/ui/legend.ts';
import { placeListModel } from '../../../src/app/ui/place-list.ts';
import type { FactsFile } from '../../../src/types.ts';

const file: FactsFile = JSON.parse(readFileSync('public/data/facts.json', 'utf8'));
const data = indexFacts(file);

describe('place list model', () => {
  it('lists districts first, then 三城一区, then other places with facts by count', () => {
    const [districts, sy, others] = placeListModel(data, null, 'zh');
    expect(districts.items.map((i) => i.id)).toEqual(file.places.filter((p) => p.kind === 'district').map((p) => p.id));
    expect(sy.items.map((i) => i.id)).toEqual(expect.arrayContaining(['zgc-science-city', 'huairou-science-city', 'future-science-city']));
    expect(others.items.every((i) => i.count > 0)).toBe(true);
    const counts = others.items.map((i) => i.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const ids = [...districts.items, ...sy.items, ...others.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts facts within the theme, as the panel does', () => {
    const [districts] = placeListModel(data, 'ai', 'en');
    for (const it of districts.items) expect(it.count).toBe(data.factsOf(it.id, 'ai').length);
    expect(districts.items.find((i) => i.id === 'haidian')?.name).toBe('Haidian District');
  });
});

describe('legend helpers', () => {
  it('says what is shown', () => {
    expect(themeLine('ai', 'zh')).toBe('按主题：人工智能 — 各区相关事实数');
    expect(themeLine('ai', 'en')).toBe('Facts per district about: Artificial intelligence');
    expect(themeLine(null, 'en')).toBe('Facts per district, all themes');
  });

  it('builds classes with a marked zero class', () => {
    const c = classesFrom([1, 3, 6], ['#a', '#b', '#c'], '#z', 9);
    expect(c).toEqual([{ colour: '#z', min: 0, max: 0 }, { colour: '#a', min: 1, max: 2 }, { colour: '#b', min: 3, max: 5 }, { colour: '#c', min: 6, max: 9 }]);
    expect(c.map((x) => classLabel(x, 'en'))).toEqual(['0 (no facts)', '1–2', '3–5', '6–9']);
    expect(classesFrom([1], ['#a'], '#z', 0)).toEqual([{ colour: '#z', min: 0, max: 0 }]);
    expect(classLabel({ colour: '#a', min: 4, max: 4 }, 'zh')).toBe('4');
  });
});
