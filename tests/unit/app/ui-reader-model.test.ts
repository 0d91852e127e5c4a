import { describe, expect, it } from 'vitest';
import { factMentions, findMentions, mentionIndex, nearestToCentre, paragraphs, segments, textProblem } from '../../../src/app/features/reader/reader-model.ts';
import type { Fact, FactPlace, FactsFile } from '../../../src/types.ts';
import { factsFile, docText } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
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
      const text = docText(doc.id);
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

const index = mentionIndex(file.places);
const names = new Map(file.places.map((p) => [p.id, new Set([p.names.zhHans, p.names.zhHant, ...p.aliases])]));
const withPlaces = (f: Fact, places: FactPlace[]): Fact => ({ ...f, places });

describe('reader mentions', () => {
  it('matches the longest name first: 中关村科学城, not 中关村', () => {
    const text = '中关村科学城与中关村示范区';
    const both = new Set(['zgc-science-city', 'zgc-nidz']);
    expect(findMentions(text, both, index)).toEqual([
      { start: 0, end: 6, placeId: 'zgc-science-city' },
      { start: 7, end: 13, placeId: 'zgc-nidz' },
    ]);
    // Only 中关村 (the zone) is explicit: 中关村科学城 still takes its span, so no wrong 中关村.
    expect(findMentions('中关村科学城', new Set(['zgc-nidz']), index)).toEqual([]);
    expect(findMentions('位于中关村的企业', new Set(['zgc-nidz']), index)).toEqual([{ start: 2, end: 5, placeId: 'zgc-nidz' }]);
  });

  it('matches both scripts and aliases, and nothing when no place is explicit', () => {
    expect(findMentions('中關村科學城', new Set(['zgc-science-city']), index)).toEqual([{ start: 0, end: 6, placeId: 'zgc-science-city' }]);
    expect(findMentions('中关村科学城', new Set(), index)).toEqual([]);
  });

  it('mentions only the places a fact lists as explicit, and not parts of its group terms', () => {
    const base = fact('g', 0, 14, '“三城一区”，即中关村科学城、怀柔科学城');
    const f = withPlaces(base, [
      { id: 'zgc-science-city', how: 'explicit', via: '三城一区' },
      { id: 'innovation-cluster-zone', how: 'explicit', via: '三城一区' },
      { id: 'huairou-science-city', how: 'context' },
    ]);
    const ms = factMentions(base.text, f, index);
    expect(ms.map((m) => [base.text.slice(m.start, m.end), m.placeId])).toEqual([['中关村科学城', 'zgc-science-city']]);
  });

  it('splits fact sentences around mentions and still reconstructs the body exactly', () => {
    const text = '前言\n海淀区和中关村科学城合作。昌平区。';
    const f1 = withPlaces(fact('a', 3, 17, text), [{ id: 'haidian', how: 'explicit' }, { id: 'zgc-science-city', how: 'explicit' }]);
    const f2 = withPlaces(fact('b', 17, 21, text), [{ id: 'changping', how: 'context' }]);
    const segs = segments(text, 0, text.length, [f1, f2], 'a', index);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mention).map((s) => [s.text, s.mention, s.factId, s.target])).toEqual([
      ['海淀区', 'haidian', 'a', true],
      ['中关村科学城', 'zgc-science-city', 'a', true],
    ]);
    expect(segs.filter((s) => s.factId === 'a').map((s) => s.text).join('')).toBe(f1.text);
    expect(segs.filter((s) => s.factId === 'b').every((s) => !s.mention)).toBe(true); // context place: no mention
    expect(segments(text, 0, text.length, [f1, f2], 'a').some((s) => s.mention)).toBe(false); // no index, no mentions
  });

  it('on every real document: exact reconstruction, mentions inside their fact, only explicit places, by name', () => {
    let total = 0;
    for (const doc of file.documents) {
      const text = docText(doc.id);
      const facts = file.facts.filter((f) => f.doc === doc.id);
      const byId = new Map(facts.map((f) => [f.id, f]));
      const segs = segments(text, doc.bodyStart, doc.bodyEnd, facts, null, index);
      expect(segs.map((s) => s.text).join(''), doc.id).toBe(text.slice(doc.bodyStart, doc.bodyEnd));
      for (const s of segs.filter((x) => x.mention)) {
        const f = byId.get(s.factId!)!;
        expect(f.places.some((p) => p.id === s.mention && p.how === 'explicit'), `${s.factId} ${s.text}`).toBe(true);
        expect(names.get(s.mention!)!.has(s.text), s.text).toBe(true);
        total += 1;
      }
      // Every fact's segments still join to its sentence (line breaks aside).
      for (const f of facts) {
        const joined = segs.filter((s) => s.factId === f.id).map((s) => s.text).join('');
        if (joined) expect(joined.replace(/\s+/g, ''), f.id).toBe(f.text.replace(/\s+/g, ''));
      }
    }
    expect(total).toBeGreaterThan(300);
  });

  it('most explicit places are found by name in their sentence', () => {
    let want = 0;
    let found = 0;
    for (const f of file.facts) {
      const ms = new Set(factMentions(f.text, f, index).map((m) => m.placeId));
      for (const p of f.places) {
        if (p.how !== 'explicit' || p.via) continue;
        want += 1;
        if (ms.has(p.id)) found += 1;
      }
    }
    expect(found / want).toBeGreaterThan(0.9);
  });

  it('picks the sentence nearest the middle, preferring one that spans it', () => {
    const boxes = [{ id: 'a', top: 0, bottom: 40 }, { id: 'b', top: 45, bottom: 140 }, { id: 'c', top: 150, bottom: 170 }];
    expect(nearestToCentre(boxes, 100)?.id).toBe('b');
    expect(nearestToCentre(boxes, 143)?.id).toBe('b');
    expect(nearestToCentre(boxes, 147)?.id).toBe('c');
    expect(nearestToCentre(boxes, 300)?.id).toBe('c');
    expect(nearestToCentre([], 10)).toBeNull();
  });
});

describe('a reader text checked against its facts', () => {
  const text = '标题\n海淀区聚焦人工智能。朝阳区聚焦数字经济。';
  const facts = [fact('a', 3, 13, text), fact('b', 13, 23, text)];
  const doc = { length: text.length };

  it('accepts the text the facts were cut from', () => {
    expect(textProblem(text, doc, facts)).toBeNull();
  });

  it('refuses an empty or blank text', () => {
    expect(textProblem('', doc, facts)).toEqual({ kind: 'empty' });
    expect(textProblem(' \n', doc, facts)).toEqual({ kind: 'empty' });
  });

  it('refuses a truncated or longer text by its length', () => {
    expect(textProblem(text.slice(0, -1), doc, facts)).toEqual({ kind: 'length', expected: text.length, got: text.length - 1 });
    expect(textProblem(`${text}。`, doc, facts)).toEqual({ kind: 'length', expected: text.length, got: text.length + 1 });
  });

  it('counts the facts whose offsets cut another sentence from a text of the same length', () => {
    const shifted = `标题海\n淀区聚焦人工智能。朝阳区聚焦数字经济。`;
    expect(shifted.length).toBe(text.length);
    expect(textProblem(shifted, doc, facts)).toEqual({ kind: 'mismatch', count: 1 });
  });

  it('accepts every published document with its own facts', () => {
    for (const d of file.documents) {
      const own = docText(d.id);
      expect(textProblem(own, d, file.facts.filter((f) => f.doc === d.id)), d.id).toBeNull();
    }
  });
});
