import { describe, expect, it } from 'vitest';
import { assignContext, type ContextSentence } from '../../../src/pipeline/assign-context.ts';

const broad = (id: string) => id === 'beijing' || id === 'hebei';
/** A sentence: `[id@start]` pairs are explicit places; the text is padded to the given length. */
const s = (paragraph: number, text: string, ...places: Array<[string, number, string?]>): ContextSentence => ({
  text, heading: false, paragraph, places: places.map(([placeId, start, via]) => (via ? { placeId, start, via } : { placeId, start })),
});
const h = (paragraph: number, level: number, text: string, ...places: Array<[string, number, string?]>): ContextSentence => ({
  ...s(paragraph, text, ...places), heading: true, level,
});
const LONG = '这是一个不提任何地点但是足够长的句子，用来说明长句不会成为段落的主题句。';

describe('assignContext', () => {
  it('lends a short topic sentence place to the rest of its paragraph only', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(0, LONG), s(0, LONG), s(1, LONG)], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], []]);
  });

  it('lends the paragraph place even to a sentence naming another place, but not to one naming it', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(0, '支持雁栖湖研究院发展。', ['bimsa', 2]), s(0, '入驻怀柔科学城。', ['hsc', 2])], broad);
    expect(out).toEqual([[], ['hsc'], []]);
  });

  it('does not lend from a long lead sentence that merely mentions a place', () => {
    const out = assignContext([s(0, `会议指出${LONG}怀柔科学城`, ['hsc', 40]), s(0, LONG)], broad);
    expect(out).toEqual([[], []]);
  });

  it('lends from a long lead sentence whose subject is its one place', () => {
    const out = assignContext([s(0, `亦庄${LONG}`, ['bda', 0]), s(0, LONG)], broad);
    expect(out).toEqual([[], ['bda']]);
  });

  it('never lends the municipality or a province', () => {
    const out = assignContext([h(0, 3, '北京市与河北', ['beijing', 0], ['hebei', 4]), s(1, '北京加快建设。', ['beijing', 0]), s(1, LONG)], broad);
    expect(out).toEqual([[], [], []]);
  });

  it('does not lend from a title heading that comes before any sentence', () => {
    expect(assignContext([h(0, 6, '怀柔科学城加快建设', ['hsc', 0]), s(1, LONG)], broad)).toEqual([[], []]);
  });

  it('lends a heading place until the next heading of the same level, through narrower ones', () => {
    const out = assignContext([s(0, LONG), h(0, 3, '（二）加速怀柔科学中心建设', ['ncsc', 5]), s(1, LONG), h(2, 5, '（1）设施'), s(3, LONG), h(4, 3, '（三）其他'), s(5, LONG)], broad);
    expect(out).toEqual([[], [], ['ncsc'], ['ncsc'], ['ncsc'], [], []]);
  });

  it('does not lend from a heading that names a group term', () => {
    const out = assignContext([h(0, 3, '（一）加快建设“三城一区”', ['zsc', 7, '三城一区'], ['hsc', 7, '三城一区']), s(1, LONG)], broad);
    expect(out).toEqual([[], []]);
  });

  it('lends a short group lead, together with the heading place', () => {
    const out = assignContext([
      s(0, LONG),
      h(0, 3, '（二）建设中关村示范区主阵地', ['nidz', 5]),
      s(1, '推动“一区多园”统筹协同发展。', ['p1', 3, '一区多园'], ['p2', 3, '一区多园']),
      s(1, LONG),
    ], broad);
    expect(out).toEqual([[], [], ['nidz'], ['nidz', 'p1', 'p2']]);
  });

  it('follows a subject chain inside a place paragraph', () => {
    const out = assignContext([
      s(0, '搞活未来科学城。', ['fsc', 2]),
      s(0, '“生命谷”布局前沿技术。', ['lv', 1]),
      s(0, '加快生命科学园三期建设。', ['lsp', 2]),
      s(0, '“能源谷”加快布局。', ['ev', 1]),
      s(0, LONG),
    ], broad);
    expect(out).toEqual([[], ['fsc'], ['fsc', 'lv'], ['fsc'], ['fsc', 'ev']]);
  });

  it('gives a subject sentence nothing from a multi-place lead', () => {
    const out = assignContext([
      s(0, '加强“三城一区”协同联动。', ['zsc', 3, '三城一区'], ['hsc', 3, '三城一区']),
      s(0, '东城区聚焦数字经济。', ['dongcheng', 0]),
      s(0, LONG),
    ], broad);
    expect(out).toEqual([[], [], ['dongcheng']]);
  });

  it('starts no subject chain in a paragraph without a place lead', () => {
    const out = assignContext([s(0, LONG), s(0, '中关村示范区企业总收入增长80%。', ['nidz', 0]), s(0, LONG)], broad);
    expect(out).toEqual([[], [], []]);
  });
});
