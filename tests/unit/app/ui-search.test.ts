import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { buildSearchIndex, search, sentenceResults } from '../../../src/app/features/search/search-model.ts';
import { sentenceSearch } from '../../../src/app/features/search/sentence-search.ts';
import type { FactsFile } from '../../../src/types.ts';
import { siteOf } from './site-fixtures.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
// The files the pipeline writes, its sentence index keyed in Simplified as `npm run data` does.
const site = siteOf(file, t2s);
const data = site.index;
const index = buildSearchIndex(data);
/** The app's sentence search over those files, with a fold (identity until the converter is in). */
const sentences = (fold: (s: string) => string) => {
  const engine = sentenceSearch(async (path) => site.files.get(path), () => fold);
  return async (q: string, limit = 200) => sentenceResults(index, await engine.query(q, limit), 'zh');
};

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

  it('searches fact text and shows the places of the fact', async () => {
    const f = file.facts.find((x) => x.id === '004-0df8e25b07')!;
    const r = await sentences(t2s)('全國軌道交通創新中心');
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

  it('finds sentences written in either script, through the fold, and shows them as written', async () => {
    const hits = await sentences(t2s)('轨道交通创新中心');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.detail).toContain('軌道交通創新中心');
    // And the other way round: a Traditional query finds the Simplified news.
    const docOf = new Map(file.facts.map((f) => [f.id, f.doc]));
    const docs = new Set((await sentences(t2s)('中關村科學城')).map((r) => docOf.get(r.factId!)));
    expect(docs.has('004')).toBe(true);
    expect([...docs].filter((d) => d !== '004').length).toBeGreaterThan(0);
    // The index is keyed in Simplified: until the converter is in, a Traditional query finds nothing in it.
    expect(await sentences((x) => x)('軌道交通創新中心')).toEqual([]);
  });
});


describe('sentence search under a document filter', () => {
  it('finds only the sentences of the documents the filter lets count', async () => {
    const engine = sentenceSearch(async (path) => site.files.get(path), () => t2s);
    const all = await engine.query('中关村', 200);
    const docs = new Set(all.map((h) => h.doc));
    expect(docs.size).toBeGreaterThan(1);
    const one = [...docs][1];
    const some = await engine.query('中关村', 200, (d) => d === one);
    expect(some.length).toBeGreaterThan(0);
    expect(some).toEqual(all.filter((h) => h.doc === one).slice(0, 200));
  });
});
