import { describe, expect, it } from 'vitest';
import { siteOf } from './site-fixtures.ts';
import { documentsModel } from '../../../src/app/features/documents/documents-model.ts';
import type { FactsFile } from '../../../src/types.ts';
import { factsFile, docText } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const data = siteOf(file).documents;

describe('documents list model', () => {
  it('lists every document in file order with its manifest fields', () => {
    const m = documentsModel(data, 'zh');
    expect(m.rows.map((r) => r.id)).toEqual(file.documents.map((d) => d.id));
    for (const r of m.rows) {
      const d = data.documents.get(r.id)!;
      expect(r).toMatchObject({ title: d.title, publisher: d.publisher, date: d.date, script: d.script, bodySource: d.bodySource });
      expect(r.bodyLength).toBe(d.bodyEnd - d.bodyStart);
      const text = docText(d.id);
      expect(r.bodyLength).toBe(text.slice(d.bodyStart, d.bodyEnd).length);
      expect(r.scriptLabel).toBe(d.script === 'zhHant' ? '繁' : '简');
      expect(r.lang).toBe(d.script === 'zhHant' ? 'zh-Hant' : 'zh-Hans');
    }
  });

  it('counts facts and distinct places per document exactly as the facts file has them', () => {
    const m = documentsModel(data, 'en');
    for (const r of m.rows) {
      const facts = file.facts.filter((f) => f.doc === r.id);
      expect(r.factCount, r.id).toBe(facts.length);
      expect(r.placeCount, r.id).toBe(new Set(facts.flatMap((f) => f.places.map((p) => p.id))).size);
    }
    expect(m.totalFacts).toBe(file.facts.length);
    expect(m.summary).toBe(`${file.documents.length} documents, ${file.facts.length.toLocaleString('en-US')} facts in all`);
  });

  it('labels length, script and body source in both languages; keeps partial dates as written', () => {
    const zh = documentsModel(data, 'zh').rows;
    const en = documentsModel(data, 'en').rows;
    expect(zh[0].lengthLabel).toMatch(/^[\d,]+ 字$/);
    expect(en[0].lengthLabel).toMatch(/^[\d,]+ characters$/);
    expect(zh.map((r) => r.bodySourceLabel)).toEqual(file.documents.map((d) => (d.bodySource === 'manifest' ? '按清单标注' : '自动识别')));
    expect(en.find((r) => r.script === 'zhHant')?.scriptLabel).toBe('Traditional');
    expect(en.find((r) => r.script === 'zhHans')?.scriptLabel).toBe('Simplified');
    const partial = zh.find((r) => /^\d{4}$/.test(r.date));
    expect(partial, 'a seed dated by its year only').toBeDefined();
    expect(partial!.date).toBe(data.documents.get(partial!.id)!.date);
  });
});

describe('documents list model under a document filter', () => {
  it('marks the documents that count, says how many, and says so when none does', () => {
    const publisher = file.documents[0].publisher;
    const filter = { publisher, from: null, to: null, script: null };
    const m = documentsModel(data, 'en', filter);
    expect(m.rows.map((r) => r.counts)).toEqual(file.documents.map((d) => d.publisher === publisher));
    const n = file.documents.filter((d) => d.publisher === publisher).length;
    expect(m.filterLine).toBe(`${n} of ${file.documents.length} documents count`);
    expect(m.noneMatch).toBe(false);
    expect(m.publishers).toEqual([...new Set(file.documents.map((d) => d.publisher))]);
    const none = documentsModel(data, 'zh', { ...filter, publisher: '无此发布者' });
    expect(none.rows.every((r) => !r.counts)).toBe(true);
    expect(none.noneMatch).toBe(true);
    expect(documentsModel(data, 'en').filterLine).toBe('');
  });
});
