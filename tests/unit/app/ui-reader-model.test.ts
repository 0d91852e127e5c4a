import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { paragraphs, segments } from '../../../src/app/ui/reader-model.ts';
import type { Fact, FactsFile } from '../../../src/types.ts';

const file: FactsFile = JSON.parse(readFileSync('public/data/facts.json', 'utf8'));
const fact = (id: string, start: number, end: number, text: string, places: string[] = []): Fact => ({ id, doc: 'd', start, end, text: text.slice(start, end), heading: false, places: places.map((p) => ({ id: p, how: 'explicit' })), topics: [], figures: [] });

describe('reader segments', () => {
  it('reconstructs the body exactly and marks the target fact', () => {
    const text = 'HEAD\n第一句。第二句。\n\n第三句。TAIL';
    const bodyStart = 5;
    const bodyEnd = text.indexOf('TAIL');
    const facts = [fact('a', 5, 9, text, ['haidian']), fact('b', 9, 13, text), fact('c', 15, 19, text, ['x', 'y']), fact('out', 0, 4, text)];
    const segs = segments(text, bodyStart, bodyEnd, facts, 'c');
    expect(segs.map((s) => s.text).join('')).toBe(text.slice(bodyStart, bodyEnd));
    expect(segs.filter((s) => s.target).map((s) => s.text)).toEqual(['第三句。']);
    expect(segs.find((s) => s.factId === 'a')?.placeId).toBe('haidian');
    expect(segs.find((s) => s.factId === 'b')?.placeId).toBeUndefined();
    expect(segs.find((s) => s.factId === 'c')?.placeId).toBe('x');
    expect(segs.some((s) => s.factId === 'out')).toBe(false);
    expect(segs.filter((s) => s.paragraphBreak).map((s) => s.text)).toEqual(['\n\n']);
    expect(paragraphs(segs).map((p) => p.map((s) => s.text).join(''))).toEqual(['第一句。第二句。', '第三句。']);
  });

  it('splits a fact that spans a line break without losing text', () => {
    const text = '标题\n正文。';
    const segs = segments(text, 0, text.length, [fact('h', 0, text.length, text, ['p'])], 'h');
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.target).map((s) => s.text)).toEqual(['标题', '正文。']);
  });

  it('skips overlapping facts and clamps offsets', () => {
    const text = 'abcdefgh';
    const segs = segments(text, 0, 99, [fact('x', 1, 5, text), fact('y', 3, 7, text)], null);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => s.factId ?? '')).toEqual(['', 'x', '']);
  });

  it('reconstructs every real document body, with each fact sentence at its offsets', () => {
    for (const doc of file.documents) {
      const text = readFileSync(`public/data/docs/${doc.id}.txt`, 'utf8');
      expect(text.length, doc.id).toBe(doc.length);
      const facts = file.facts.filter((f) => f.doc === doc.id);
      const target = facts[Math.floor(facts.length / 2)];
      const segs = segments(text, doc.bodyStart, doc.bodyEnd, facts, target.id);
      expect(segs.map((s) => s.text).join(''), doc.id).toBe(text.slice(doc.bodyStart, doc.bodyEnd));
      expect(segs.filter((s) => s.target).map((s) => s.text).join('').replace(/\s+/g, ''), doc.id).toBe(target.text.replace(/\s+/g, ''));
      const seen = new Set(segs.map((s) => s.factId).filter(Boolean));
      expect(seen.size, doc.id).toBe(facts.length);
    }
  });
});
