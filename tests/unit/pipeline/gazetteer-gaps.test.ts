import { describe, expect, it } from 'vitest';
import { gazetteerGaps, type GapSentence } from '../../../src/pipeline/gazetteer-gaps.ts';
import { jiebaTagger } from '../../../src/pipeline/segment-words.ts';

const sentence = (key: string, extra: Partial<GapSentence> = {}): GapSentence => ({
  key, words: jiebaTagger(key), taken: [], known: () => false, divisions: [], districts: [], ...extra,
});

describe('gazetteerGaps', () => {
  it('reports a word ending like a place with the nouns in front of it, counted, with the district its sentences are about', () => {
    const gaps = gazetteerGaps([
      sentence('支持北京生命科学研究所发展', { districts: ['changping'] }),
      sentence('北京生命科学研究所取得突破', { districts: ['changping'] }),
    ]);
    expect(gaps).toEqual([{ name: '北京生命科学研究所', count: 2, where: 'changping', why: 'looks like a place' }]);
  });

  it('leaves out verbs and particles in front, generic goals, and names the gazetteer has', () => {
    expect(gazetteerGaps([sentence('加快建设国际科技创新中心')])).toEqual([]);
    expect(gazetteerGaps([sentence('建设怀柔科学城', { known: (n) => n === '怀柔科学城' })])).toEqual([]);
    expect(gazetteerGaps([sentence('建设怀柔科学城', { taken: [[2, 7]] })])).toEqual([]);
  });

  it('reports units of the national table the text resolved to, where they lie', () => {
    const gaps = gazetteerGaps([sentence('良乡的高校', { divisions: [{ name: '良乡地区', where: 'fangshan' }] })]);
    expect(gaps).toEqual([{ name: '良乡地区', count: 1, where: 'fangshan', why: 'national table' }]);
  });
});
