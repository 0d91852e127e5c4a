/**
 * The pipeline as a geoparser, end to end on small documents written for the purpose: names that
 * collide with Beijing's, towns that roll up, group terms, short forms and headings.
 */
import { describe, expect, it } from 'vitest';
import { runPipelineWithStats } from '../../../src/pipeline/run-pipeline.ts';
import { buildShortForms, matchGenericHeads, matchShortForms } from '../../../src/pipeline/short-forms.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import { jiebaTagger, wordStarts } from '../../../src/pipeline/segment-words.ts';

const words = (text: string) => jiebaTagger(text).map((w) => w.word);
import type { TopicLexicon } from '../../../src/pipeline/tag-topics.ts';
import { divisions, gazetteer, index } from './fixture-index.ts';

const run = (...texts: string[]) =>
  runPipelineWithStats({
    documents: texts.map((t, i) => ({ file: `doc${i}.txt`, bytes: new TextEncoder().encode(t) })),
    manifest: texts.map((t, i) => ({
      file: `doc${i}.txt`, id: `doc${i}`, title: 't', publisher: 'p', date: '2025', script: 'zhHans',
      body: { startsWith: t.trim().slice(0, 4), endsWith: t.trim().slice(-4) },
    })),
    gazetteer, divisions, topics: {} as TopicLexicon,
  });
/** Each fact with places, as `sentence start: id:how(via)`. */
const facts = (out: ReturnType<typeof run>) =>
  out.file.facts.filter((f) => f.places.length).map((f) => `${f.text.slice(0, 6)}: ${f.places.map((p) => `${p.id}:${p.how}${p.via ? `(${p.via})` : ''}`).join(' ')}`);
const beijingPlaces = (out: ReturnType<typeof run>) =>
  out.file.facts.flatMap((f) => f.places).filter((p) => (index.regionOf.get(p.id) ?? '').startsWith('11'));

describe('a page about another city’s district of the same name', () => {
  const page = [
    '长春市朝阳区召开科技创新大会。',
    '朝阳区位于长春市中心城区，是吉林省的科教大区。',
    '朝阳区人大常委会视察组调研科技企业。',
    '区内孵化器发展良好，经开区也有合作。',
  ].join('\n');

  it('puts none of its facts on a Beijing place, explicit or by context', () => {
    expect(beijingPlaces(run(page))).toEqual([]);
  });

  it('still works in a document about Beijing that mentions the other city once', () => {
    const out = run(`海淀区和朝阳区加快发展。\n丰台区聚焦轨道交通。\n长春市朝阳区也在发展。\n朝阳区聚焦人工智能。`);
    expect(facts(out)).toEqual(['海淀区和朝阳: haidian:explicit chaoyang:explicit', '丰台区聚焦轨: fengtai:explicit', '朝阳区聚焦人: chaoyang:explicit']);
  });

  it('says which names it left unassigned, and why', () => {
    const out = run('朝阳区召开会议。\n会议很成功。');
    expect(out.stats[0].unresolved).toEqual([{ name: '朝阳区', why: 'ambiguous', sentence: '朝阳区召开会议。' }]);
  });
});

describe('towns, groups, short forms and headings', () => {
  it('puts a sentence naming a Beijing town the gazetteer lacks on its district, through the town', () => {
    expect(facts(run('房山区发展高教园区。\n良乡的大学聚集。'))).toEqual(['房山区发展高: fangshan:explicit', '良乡的大学聚: fangshan:explicit(良乡)']);
  });

  it('marks places reached through a group term as such, and a member named directly as explicit', () => {
    expect(facts(run('加快建设“三城一区”，中关村科学城率先发展。'))).toEqual([
      '加快建设“三: zgc-sc:explicit huairou-sc:group(三城一区) future-sc:group(三城一区) bda:group(三城一区)',
    ]);
  });

  it('resolves a short form where its full form is in scope, and nowhere else', () => {
    expect(facts(run('怀柔正在加快建设综合性国家科学中心。\n上海也在建设综合性国家科学中心。'))).toEqual([
      '怀柔正在加快: huairou:explicit huairou-sc:explicit',
    ]);
  });

  it('makes a heading that names a place a fact, flagged as a heading, that lends to what follows', () => {
    const out = run('前言说明规划的总体要求。\n（二）加速北京怀柔综合性国家科学中心建设\n依托重大科技基础设施加大服务力度。');
    const heading = out.file.facts.find((f) => f.heading)!;
    expect([heading.text, heading.places]).toEqual(['（二）加速北京怀柔综合性国家科学中心建设', [{ id: 'huairou-sc', how: 'explicit' }]]);
    expect(facts(out)).toContain('依托重大科技: huairou-sc:context');
  });
});

describe('matchShortForms', () => {
  const sf = buildShortForms(gazetteer, index);
  const find = (text: string, scope: string[]) => {
    const key = normaliseKey(text).key;
    return matchShortForms(sf, key, wordStarts(words(key), key), [], new Set(scope)).map((m) => m.placeId);
  };

  it('derives short forms from the gazetteer: what is left once a place name at the front is dropped', () => {
    expect(sf.keys).toContain('综合性国家科学中心');
    expect(sf.keys).toContain('科学城');
  });

  it('resolves a long short form where the place at its front is in scope', () => {
    expect(find('加快建设综合性国家科学中心', ['huairou'])).toEqual(['huairou-sc']);
    expect(find('加快建设综合性国家科学中心', ['hefei'])).toEqual(['hefei']);
    expect(find('加快建设综合性国家科学中心', [])).toEqual([]);
    expect(find('加快建设综合性国家科学中心', ['huairou', 'hefei'])).toEqual([]);
  });

  it('resolves a short one only after a demonstrative, where the place itself is in scope', () => {
    expect(find('在该科学城工作', ['zgc-sc'])).toEqual(['zgc-sc']);
    expect(find('建成国际一流科学城', ['zgc-sc'])).toEqual([]);
    expect(find('在该科学城工作', ['haidian'])).toEqual([]);
  });
});

describe('matchGenericHeads', () => {
  // Two single-site places (a park, a development area) and a zone with no one site.
  const g = {
    ...gazetteer,
    places: [
      ...gazetteer.places,
      { id: 'life-park', names: { zhHans: '中关村生命科学园', zhHant: '中關村生命科學園', en: 'Life Science Park' }, aliases: [], kind: 'park', geometry: { type: 'point', lonLat: [116.3, 40.1], precisionM: 500, source: 'fixture' } },
      { id: 'sino-german', names: { zhHans: '中德产业园', zhHant: '中德產業園', en: 'Sino-German Park' }, aliases: [], kind: 'park', geometry: { type: 'point', lonLat: [116.6, 40.1], precisionM: 500, source: 'fixture' } },
      { id: 'zone', names: { zhHans: '中关村科技园', zhHant: '中關村科技園', en: 'ZGC' }, aliases: [], kind: 'development-zone', geometry: { type: 'none', reason: 'sixteen parks' } },
    ],
  } as typeof gazetteer;
  const sf = buildShortForms(g, index);
  const find = (text: string, scope: string[]) => {
    const key = normaliseKey(text).key;
    return matchGenericHeads(sf, key, wordStarts(words(key), key), [], new Set(scope)).map((m) => `${m.placeId}@${m.keyStart}`);
  };

  it('reads 园区 opening a phrase as the one park the sentence is about', () => {
    expect(find('园区建设分为三期。', ['life-park'])).toEqual(['life-park@0']);
    expect(find('今年10月,园区内医药科技中心项目将全面投用。', ['life-park'])).toEqual(['life-park@6']);
    expect(find('产业园将首先在氢能应用领域发力。', ['sino-german'])).toEqual(['sino-german@0']);
  });

  it('reads nothing where the head is a common noun, an object or a pointer, or the scope is not one site', () => {
    expect(find('提升大学科技园专业化运营水平。', ['life-park'])).toEqual([]);
    expect(find('建立和完善园区管理体制机制。', ['life-park'])).toEqual([]);
    expect(find('就不用出这个园区了。', ['life-park'])).toEqual([]);
    expect(find('园区建设分为三期。', ['life-park', 'sino-german'])).toEqual([]);
    expect(find('园区建设分为三期。', ['zone'])).toEqual([]);
    expect(find('园区建设分为三期。', [])).toEqual([]);
  });
});
