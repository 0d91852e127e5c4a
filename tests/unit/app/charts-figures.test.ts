import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { docYear, factYear, figureKind, figureRows, figureYear, figuresModel, yearsOf } from '../../../src/app/features/charts/figures-model.ts';
import type { Fact, FactsFile, Figure } from '../../../src/types.ts';
import { factsFile, docText as readDoc } from '../../fixtures/corpus.ts';
import { TOPIC_ORDER, topicLabel } from '../../../src/app/ui/labels.ts';

const file: FactsFile = factsFile();
const data = indexFacts(file);
const docText = new Map(file.documents.map((d) => [d.id, readDoc(d.id)]));
const fig = (text: string, unit: string, value = 1, max?: number): Figure => ({ text, unit, value, ...(max !== undefined ? { max } : {}), measure: '', start: 0, end: text.length });

describe('figures model', () => {
  it('lists only figures present in the facts, each an exact slice of its document', () => {
    const rows = figureRows(data, null, 'zh');
    expect(rows.length).toBeGreaterThan(50);
    const all = new Set(file.facts.flatMap((f) => f.figures.map((g, i) => `${f.id}#${i}`)));
    for (const r of rows) {
      expect(all.has(r.key), r.key).toBe(true);
      const f = data.facts.get(r.factId)!;
      const g = f.figures[Number(r.key.split('#')[1])];
      expect(r.text).toBe(g.text);
      expect(docText.get(r.docId)!.slice(r.start, r.end), r.key).toBe(r.text);
      expect(r.before + r.text + r.after).toBe(f.text);
      expect(docText.get(r.docId)!.slice(f.start, f.end)).toBe(f.text);
      if (r.measure) expect(f.text).toContain(r.measure);
      expect(r.unit).not.toBe('年');
    }
    // Every non-year figure is a row.
    const nonYear = file.facts.reduce((a, f) => a + f.figures.filter((g) => g.unit !== '年').length, 0);
    expect(rows.length).toBe(nonYear);
  });

  it('classifies figures and never makes rows of years or durations', () => {
    expect(figureKind(fig('2025年', '年', 2025))).toBeNull();
    expect(figureKind(fig('3—5年', '年', 3, 5))).toBeNull();
    expect(figureKind(fig('6%', '%'))).toBe('share');
    expect(figureKind(fig('三分之一', 'fraction'))).toBe('share');
    expect(figureKind(fig('170多亿元', '亿元'))).toBe('money');
    expect(figureKind(fig('1.2万亿元', '万亿元'))).toBe('money');
    expect(figureKind(fig('5949亿美元', '亿美元'))).toBe('money');
    expect(figureKind(fig('600个', '个'))).toBe('count');
    expect(figureKind(fig('30家', '家'))).toBe('count');
    expect(figureKind(fig('100平方公里', '平方公里'))).toBe('area');
    expect(figureKind(fig('10倍', '倍'))).toBe('multiple');
    expect(figureKind(fig('1.4公里', '公里'))).toBe('other');
  });

  it('groups rows by the year their sentence names, targets being years after the document date', () => {
    expect(docYear('2021-11-24')).toBe(2021);
    expect(docYear('2025')).toBe(2025);
    expect(docYear('')).toBeNull();
    const f = (figures: Figure[]): Fact => ({ id: 'x', doc: 'd', start: 0, end: 1, text: 'x', heading: false, places: [], topics: [], figures });
    expect(yearsOf(f([fig('2021-2035年', '年', 2021, 2035), fig('30年', '年', 30), fig('5%', '%', 5)]))).toEqual([2021, 2035]);
    expect(factYear(f([fig('2020年', '年', 2020), fig('2025年', '年', 2025)]), '2021-01-20')).toEqual({ year: 2025, target: true });
    expect(factYear(f([fig('2024年', '年', 2024)]), '2025')).toEqual({ year: 2024, target: false });
    expect(factYear(f([fig('5%', '%', 5)]), '2025')).toEqual({ year: null, target: false });

    const m = figuresModel(data, null, 'zh');
    expect(m.rowCount).toBe(figureRows(data, null, 'zh').length);
    expect(m.groups.reduce((a, g) => a + g.rows.length, 0)).toBe(m.rowCount);
    const years = m.groups.map((g) => g.year);
    expect(years.at(-1)).toBeNull();
    const dated = years.filter((y): y is number => y !== null);
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    for (const g of m.groups) {
      for (const r of g.rows) {
        const fact = data.facts.get(r.factId)!;
        const fy = figureYear(fact, fact.figures[Number(r.key.split('#')[1])], data.documents.get(r.docId)!.date);
        expect(fy).toEqual({ year: g.year, target: g.target });
        expect(r.target).toBe(g.target);
        if (g.year !== null) expect(yearsOf(fact)).toContain(g.year);
        else expect(yearsOf(fact)).toEqual([]);
      }
      // Shares first, then amounts, counts … within a group (a group is all targets or none).
      const ranks = g.rows.map((r) => ['share', 'money', 'count', 'area', 'multiple', 'other'].indexOf(r.kind));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(figuresModel(data, null, 'en').groups.at(-1)!.label).toBe('No year stated');
  });

  it('dates a figure by the nearest year written before it', () => {
    const text = '基礎研究投入佔比從2014年的12.6%提升至2019年的15.9%。';
    const at = (x: string) => text.indexOf(x);
    const mk = (x: string, unit: string, value: number): Figure => ({ text: x, unit, value, measure: '', start: at(x), end: at(x) + x.length });
    const figs = [mk('2014年', '年', 2014), mk('12.6%', '%', 12.6), mk('2019年', '年', 2019), mk('15.9%', '%', 15.9)];
    const f: Fact = { id: 'x', doc: 'd', start: 0, end: text.length, text, heading: false, places: [], topics: [], figures: figs };
    expect(figureYear(f, figs[1], '2021-11-24')).toEqual({ year: 2014, target: false });
    expect(figureYear(f, figs[3], '2021-11-24')).toEqual({ year: 2019, target: false });
    expect(figureYear(f, figs[3], '2018')).toEqual({ year: 2019, target: true });
  });

  it('puts a figure whose sentence names a target year in that year\'s target group, first', () => {
    const text = '到2025年，研发投入强度保持在6%左右，新增30家企业。2020年，企业达到10家。';
    const place = { id: 'bj', names: { zhHans: '北京', zhHant: '北京', en: 'Beijing' }, aliases: [], kind: 'municipality', factCount: 0, role: [], geometry: { type: 'none', reason: 'r' } };
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const mk = (t: string, unit: string, value: number, from = 0, measure = '') => ({ text: t, value, unit, measure, start: at(t, from), end: at(t, from) + t.length });
    const s1 = text.slice(0, at('2020年'));
    const tiny = {
      documents: [{ id: 'd', file: 'd.txt', title: '规划', publisher: '市政府', date: '2021-11-24', script: 'zhHans', bodySource: 'manifest', bodyStart: 0, bodyEnd: text.length, length: text.length }],
      places: [place],
      facts: [
        { id: 'f1', doc: 'd', start: 0, end: s1.length, text: s1, heading: false, places: [{ id: 'bj', how: 'explicit' }], topics: ['metrics'], figures: [mk('2025年', '年', 2025), mk('30家', '家', 30), mk('6%', '%', 6, 0, '研发投入强度')] },
        { id: 'f2', doc: 'd', start: s1.length, end: text.length, text: text.slice(s1.length), heading: false, places: [], topics: [], figures: [mk('2020年', '年', 2020), mk('10家', '家', 10, s1.length)] },
      ],
    } as unknown as FactsFile;
    const m = figuresModel(indexFacts(tiny), null, 'zh');
    expect(m.groups.map((g) => [g.label, g.rows.map((r) => r.text)])).toEqual([
      ['2020 年', ['10家']],
      ['2025 年（目标）', ['6%', '30家']],
    ]);
    expect(m.groups[1].rows.every((r) => r.target)).toBe(true);
    expect(m.groups[1].rows[0]).toMatchObject({ measure: '研发投入强度', kind: 'share', before: '到2025年，研发投入强度保持在', after: '左右，新增30家企业。' });
    expect(figuresModel(indexFacts(tiny), null, 'en').groups[1].label).toBe('2025 (target)');
  });

  it('follows the theme filter', () => {
    const m = figuresModel(data, 'metrics', 'zh');
    const rows = m.groups.flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => data.facts.get(r.factId)!.topics.includes('metrics'))).toBe(true);
    const expected = file.facts.filter((f) => f.topics.includes('metrics')).reduce((a, f) => a + f.figures.filter((g) => g.unit !== '年').length, 0);
    expect(rows.length).toBe(expected);
    expect(m.caption).toContain('指标与数字');
    // A theme whose facts give no figure says so, naming the theme.
    const empty = TOPIC_ORDER.map((topic) => figuresModel(data, topic, 'en')).find((x) => x.rowCount === 0);
    expect(empty, 'a theme with no figure in the seeds').toBeDefined();
    expect(empty!.empty).toContain(topicLabel(empty!.topic!, 'en'));
  });

  it('names the places of each row, explicit ones first, and cites the document', () => {
    for (const r of figureRows(data, null, 'en')) {
      const f = data.facts.get(r.factId)!;
      expect(new Set(r.places.map((p) => p.id))).toEqual(new Set(f.places.map((p) => p.id).filter((id) => data.places.has(id))));
      const hows = r.places.map((p) => p.how);
      const order = ['explicit', 'group', 'context'];
      expect(hows).toEqual([...hows].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      expect(r.citation.title).toBe(data.documents.get(r.docId)!.title);
    }
  });
});
