import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import * as OpenCC from 'opencc-js/t2cn';
import { buildSearchIndex, search } from '../../../src/app/ui/search-index.ts';
import type { FactsFile } from '../../../src/types.ts';

const file: FactsFile = JSON.parse(readFileSync('public/data/facts.json', 'utf8'));
const data = indexFacts(file);
const index = buildSearchIndex(data);

describe('search', () => {
  it('finds 北京经济技术开发区 first for 亦庄', () => {
    const r = search(index, '亦庄', 'zh');
    expect(r[0].placeId).toBe('beijing-etda');
    expect(r[0].type).toBe('place');
    expect(r[0].label).toBe('北京经济技术开发区');
    expect(search(index, '亦莊', 'zh')[0].placeId).toBe('beijing-etda');
  });

  it('matches English names case-insensitively', () => {
    expect(search(index, 'haidian', 'en')[0].placeId).toBe('haidian');
    expect(search(index, 'HAIDIAN', 'en')[0].placeId).toBe('haidian');
    expect(search(index, '  Haidian District ', 'en')[0]).toMatchObject({ placeId: 'haidian', tier: 'exact', label: 'Haidian District' });
  });

  it('finds Traditional-script names', () => {
    expect(search(index, '懷柔科學城', 'zh')[0]).toMatchObject({ placeId: 'huairou-science-city', tier: 'exact' });
    expect(search(index, '怀柔科学城', 'zh')[0].placeId).toBe('huairou-science-city');
  });

  it('ranks exact name > prefix > alias > fact text, and caps the list', () => {
    const r = search(index, '海淀', 'zh');
    expect(r[0].placeId).toBe('haidian');
    expect(r.length).toBeLessThanOrEqual(12);
    const tiers = r.map((x) => ['exact', 'prefix', 'alias', 'partial', 'text'].indexOf(x.tier));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it('searches fact text and shows the places of the fact', () => {
    const f = file.facts.find((x) => x.id === '004-0df8e25b07')!;
    const r = search(index, '全國軌道交通創新中心', 'zh');
    const hit = r.find((x) => x.type === 'fact' && x.factId === f.id)!;
    expect(hit).toBeDefined();
    expect(hit.detail).toBe(f.text);
    expect(hit.placeIds).toEqual(f.places.map((p) => p.id));
    expect(hit.placeId).toBe('fengtai');
    expect(hit.label).toContain('丰台区');
  });

  it('returns nothing for an empty query', () => {
    expect(search(index, '   ', 'zh')).toEqual([]);
  });

  it('finds sentences written in the other script once a fold to one script is given, and shows them as written', () => {
    const folded = buildSearchIndex(data, OpenCC.Converter({ from: 'tw', to: 'cn' }));
    const facts = (i: typeof index, q: string) => search(i, q, 'zh', 200).filter((r) => r.type === 'fact');
    // The 十四五 plan is in Traditional script: a Simplified query finds it only through the fold.
    expect(facts(index, '轨道交通创新中心')).toEqual([]);
    const hits = facts(folded, '轨道交通创新中心');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.detail).toContain('軌道交通創新中心');
    // And the other way round: a Traditional query finds the Simplified news.
    const docOf = new Map(file.facts.map((f) => [f.id, f.doc]));
    const docs = (i: typeof index, q: string) => new Set(facts(i, q).map((r) => docOf.get(r.factId!)));
    expect([...docs(index, '中關村科學城')]).toEqual(['004']);
    expect([...docs(folded, '中關村科學城')].filter((d) => d !== '004').length).toBeGreaterThan(0);
  });
});

