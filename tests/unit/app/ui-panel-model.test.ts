import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { panelModel, primaryTopic } from '../../../src/app/features/panel/panel-model.ts';
import { formatCitation } from '../../../src/app/ui/citation.ts';
import type { FactsFile } from '../../../src/types.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const data = indexFacts(file);

describe('panelModel', () => {
  it('says what ties a place beyond Beijing to it, with the fact that says so, and nothing for a Beijing place', () => {
    const park = panelModel(data, 'binhai', null, 'en')!.tie!;
    expect(park.label).toBe('Zhongguancun co-built park');
    expect(file.facts.find((f) => f.id === park.fact)?.text).toContain('合作园区');
    expect(park.doc).toBe(file.facts.find((f) => f.id === park.fact)?.doc);
    expect(panelModel(data, 'xichang-slc', null, 'zh')!.tie?.label).toBe('仅作为地点提及，未述合作');
    expect(panelModel(data, 'haidian', null, 'zh')!.tie).toBeNull();
  });

  it('returns null for an unknown place', () => {
    expect(panelModel(data, 'nowhere', null, 'zh')).toBeNull();
  });

  it("leads 丰台区's panel with the pipeline's role sentence about rail transit", () => {
    const m = panelModel(data, 'fengtai', null, 'zh')!;
    expect(m.name).toBe('丰台区');
    expect(m.names.en).toBe('Fengtai District');
    expect(m.kindLabel).toBe('区');
    expect(m.role.length).toBeGreaterThan(0);
    expect(m.role.map((r) => r.factId)).toEqual(file.places.find((p) => p.id === 'fengtai')!.role.map((r) => r.fact));
    // The source (004) is in Traditional script: the quote is exact, and reads 轨道交通 once converted.
    const lead = m.role[0];
    expect(lead.text).toContain('軌道交通');
    expect(lead.script).toBe('zhHant');
    expect(lead.lang).toBe('zh-Hant');
    expect(OpenCC.Converter({ from: 'tw', to: 'cn' })(lead.text)).toContain('轨道交通');
    expect(m.hasTraditional).toBe(true);
    expect(m.empty).toBeNull();
    expect(m.geometry.kind).toBe('boundary');
    expect(m.district).toBeNull(); // a district is not its own host
    expect(m.children.map((c) => c.id)).toContain('fengtai-rail-innovation-center');
  });

  it('says honestly when a district has no facts', () => {
    const empty = file.places.find((p) => p.kind === 'district' && data.factsOf(p.id).length === 0)!;
    expect(empty).toBeDefined();
    const m = panelModel(data, empty.id, null, 'zh')!;
    expect(m.empty?.reason).toContain(empty.names.zhHans);
    expect(m.empty?.reason).toContain('没有');
    expect(m.groups).toEqual([]);
    expect(m.role).toEqual([]);
    expect(panelModel(data, empty.id, null, 'en')!.empty?.reason).toContain('no facts');
  });

  it('says honestly when a place has facts but none in the theme', () => {
    const m = panelModel(data, 'fengtai', 'quantum', 'en')!;
    expect(m.factCount).toBe(0);
    expect(m.totalFactCount).toBeGreaterThan(0);
    expect(m.empty?.reason).toContain('Quantum information');
    expect(m.role).toEqual([]);
  });

  it('shows every counted fact of every place exactly once — about it, by topic, or under a place in it — and the count is that number', () => {
    for (const p of file.places) {
      const m = panelModel(data, p.id, null, 'zh')!;
      const about = m.groups.flatMap((g) => g.facts.map((f) => f.factId));
      const within = m.within.flatMap((x) => x.facts.map((f) => f.factId));
      const ids = [...about, ...within];
      const expected = data.factsOf(p.id).map((f) => f.id);
      expect(new Set(ids).size, p.id).toBe(ids.length);
      expect([...ids].sort(), p.id).toEqual([...expected].sort());
      for (const g of m.groups) for (const f of g.facts) expect(primaryTopic(data.facts.get(f.factId)!)).toBe(g.topic);
      expect(m.totalFactCount).toBe(expected.length);
      expect(m.factCount).toBe(expected.length);
      const listed = [...m.shared, ...m.groupMentions].flatMap((x) => x.facts.map((f) => f.factId));
      expect(listed.length, p.id).toBe(m.listedCount);
      expect(listed.filter((id) => expected.includes(id)), p.id).toEqual([]);
    }
  });

  it('keeps only facts (and role sentences) within the theme when one is set', () => {
    const m = panelModel(data, 'zgc-science-city', 'ai', 'zh')!;
    expect(m.factCount).toBe(data.factsOf('zgc-science-city', 'ai').length);
    expect(m.groups.flatMap((g) => g.facts).every((f) => f.topics.includes('ai'))).toBe(true);
    expect(m.role.every((f) => f.topics.includes('ai'))).toBe(true);
    expect(m.chips.find((c) => c.topic === 'ai')?.active).toBe(true);
    expect(m.countLine).toContain('人工智能');
  });

  it('counts topic chips over all facts of the place', () => {
    const m = panelModel(data, 'haidian', null, 'en')!;
    for (const c of m.chips) expect(c.count).toBe(data.factsOf('haidian', c.topic).length);
    const counts = m.chips.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('quotes facts exactly and cites title, publisher and date', () => {
    const m = panelModel(data, 'beijing-etda', null, 'zh')!;
    for (const f of m.groups.flatMap((g) => g.facts)) {
      const fact = data.facts.get(f.factId)!;
      const doc = data.documents.get(fact.doc)!;
      expect(f.text).toBe(fact.text);
      expect(f.docId).toBe(fact.doc);
      expect(f.citation).toMatchObject({ docId: doc.id, title: doc.title, publisher: doc.publisher, date: doc.date });
      expect(['explicit', 'context', 'group']).toContain(f.how);
    }
    const c = m.groups[0].facts[0].citation;
    expect(formatCitation(c, 'zh')).toBe(`《${c.title}》，${c.publisher}，${c.date}`);
    expect(formatCitation({ docId: 'x', title: 'T', publisher: 'P', date: '' }, 'en')).toBe('“T”, P');
  });

  it('shows a fact reaching a place only through a group term under the term, not counted', () => {
    const viaFact = file.facts.find((f) => f.places.some((p) => p.how === 'group' && p.via === '三城一区' && p.id === 'future-science-city'))!;
    const m = panelModel(data, 'future-science-city', null, 'zh')!;
    const group = m.groupMentions.find((g) => g.term === '三城一区')!;
    const item = group.facts.find((f) => f.factId === viaFact.id)!;
    expect([item.how, item.via]).toEqual(['group', '三城一区']);
    expect(m.groups.flatMap((g) => g.facts).some((f) => f.factId === viaFact.id)).toBe(false);
    expect(m.countLine).toContain(String(m.listedCount));
  });

  it('lists host district, parent, links and reverse links as related places', () => {
    const etda = panelModel(data, 'beijing-etda', null, 'zh')!;
    expect(etda.district?.id).toBe('daxing');
    expect(etda.district?.name).toBe('大兴区');
    expect(etda.parent?.id).toBe('innovation-cluster-zone');
    const pt = file.places.find((p) => p.geometry.type === 'point' && p.geometry.precisionM === 3000);
    expect(pt, 'a point placed to ±3 km').toBeDefined();
    expect(panelModel(data, pt!.id, null, 'zh')!.geometry.note).toBe('大致位置，误差约 ±3 公里');
    const pt2 = file.places.find((p) => p.geometry.type === 'point')!;
    expect(panelModel(data, pt2.id, null, 'en')!.geometry.note).toMatch(/^Approximate location ±[\d.]+ km$/);
    const nidz = panelModel(data, 'zgc-nidz', null, 'en')!;
    expect(nidz.linkedFrom.map((r) => r.id)).toEqual(expect.arrayContaining(['xiongan-zgc-park', 'tianjin-binhai-zgc-park']));
    expect(nidz.geometry.note).toMatch(/^No map position: multi-part zone/);
    const sanhe = panelModel(data, 'sanhe', null, 'en')!;
    expect(sanhe.links.map((r) => r.id)).toEqual(['tongzhou', 'zgc-tongzhou-park']);
    expect(panelModel(data, 'zgc-science-city', null, 'en')!.geometry.note).toBe('Schematic extent');
  });
});

describe('a district’s panel: its role first, one count for everything', () => {
  const districts = file.places.filter((p) => p.kind === 'district');
  const SCIENCE_CITY = { haidian: 'zgc-science-city', changping: 'future-science-city', huairou: 'huairou-science-city' } as Record<string, string>;

  it('leads each district the documents describe with a role sentence: its own from the plan (004), or its science city’s, labelled', () => {
    for (const d of districts) {
      const m = panelModel(data, d.id, null, 'zh')!;
      if (m.totalFactCount === 0) continue;
      expect(m.role.length, d.id).toBeGreaterThan(0);
      expect(m.role.length).toBeLessThanOrEqual(3);
      const lead = m.role[0];
      if (lead.of) expect(lead.of.id, d.id).toBe(SCIENCE_CITY[d.id]);
      else if (!SCIENCE_CITY[d.id]) expect(lead.docId, d.id).toBe('004');
    }
    expect(panelModel(data, 'haidian', null, 'en')!.role[0].of).toEqual({ id: 'zgc-science-city', name: 'Zhongguancun Science City' });
    expect(panelModel(data, 'changping', null, 'zh')!.role[0].of?.id).toBe('future-science-city');
  });

  it('never leads with a satellite, a news lede or a fragment', () => {
    for (const d of districts) {
      for (const r of panelModel(data, d.id, null, 'zh')!.role) {
        expect(r.text).not.toMatch(/怀柔一号|懷柔一號|经济日报|\*\*/);
        expect(r.heading).toBe(false);
      }
    }
  });

  it('puts 密云区 in the zero class with an empty state that names the places in it', () => {
    expect(data.districtCounts().get('miyun')).toBe(0);
    const m = panelModel(data, 'miyun', null, 'zh')!;
    expect(m.totalFactCount).toBe(0);
    expect(m.empty?.reason).toContain('密云园');
    expect(m.empty?.reason).toContain('怀柔科学城');
    expect(m.shared.map((x) => x.placeId)).toEqual(['huairou-science-city']);
  });

  it('gives the panel total, the colour’s count and the place list the same number for every district and theme', () => {
    for (const topic of [null, 'ai', 'ic', 'biomed'] as const) {
      const counts = data.districtCounts(topic);
      for (const d of districts) {
        expect(panelModel(data, d.id, topic, 'zh')!.factCount, `${d.id} ${topic}`).toBe(counts.get(d.id));
      }
    }
  });

  it('under the 集成电路 theme, colours 顺义区 and 大兴区 (亦庄) at least as dark as any district reached only in passing', () => {
    const ic = data.districtCounts('ic');
    const others = districts.map((d) => d.id).filter((id) => !['shunyi', 'daxing'].includes(id));
    for (const id of others) {
      expect(ic.get('shunyi')!, id).toBeGreaterThanOrEqual(ic.get(id)!);
      expect(ic.get('daxing')!, id).toBeGreaterThanOrEqual(ic.get(id)!);
    }
  });
});

