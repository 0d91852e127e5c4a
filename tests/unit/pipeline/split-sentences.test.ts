import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/pipeline/split-sentences.ts';

const split = (text: string, start = 0, end = text.length) =>
  splitSentences(text, start, end).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
const texts = (text: string) => split(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits on full-width terminators and keeps closing quotes with their sentence', () => {
    expect(texts('他说：“建设科学城。”亦庄加快发展！是否可行？推进；完成')).toEqual([
      '他说：“建设科学城。”', '亦庄加快发展！', '是否可行？', '推进；', '完成',
    ]);
  });

  it('splits on half-width ! ? ; but not inside a URL', () => {
    expect(texts('见 http://a.cn/x?id=1 页面。好! 再见')).toEqual(['见 http://a.cn/x?id=1 页面。', '好!', '再见']);
  });

  it('trims leading indentation while keeping offsets exact', () => {
    const t = '前言\n  \u3000怀柔科学城建设加快推进，成效显著。  \n';
    const s = split(t, 3, t.length);
    expect(s.map((x) => x.text)).toEqual(['怀柔科学城建设加快推进，成效显著。']);
    expect(s[0].start).toBe(6);
  });

  it('only splits inside the body', () => {
    const t = '菜单。正文第一句。正文第二句。页脚。';
    expect(split(t, 3, 15).map((s) => s.text)).toEqual(['正文第一句。', '正文第二句。']);
  });

  it('treats a line without terminal punctuation as a heading of level 6', () => {
    expect(split('怀柔科学城加快建设\n建设提速。')[0]).toMatchObject({ heading: true, level: 6, paragraph: 0 });
  });

  it('does not take a line that trails off into what follows for a heading', () => {
    expect(split('北京底气十足——\n拥有90多所大学……').map((x) => x.heading)).toEqual([false, false]);
  });

  it('gives numbered headings their levels', () => {
    const s = split('一、总体要求\n（一）形势需求\n(二)发展基础\n1. 重点任务\n（1）设施\n第一章 总则');
    expect(s.map((x) => [x.heading, x.level])).toEqual([[true, 2], [true, 3], [true, 3], [true, 4], [true, 5], [true, 1]]);
  });

  it('does not take a long line with sentences for a heading', () => {
    const s = split('突破懷柔科學城。強化以物質為基礎的科學方向，深化院市合作。');
    expect(s.map((x) => [x.text, x.heading])).toEqual([['突破懷柔科學城。', false], ['強化以物質為基礎的科學方向，深化院市合作。', false]]);
  });

  it('makes a short marked lead sentence a heading', () => {
    const s = split('（一）总体思路。坚持创新驱动发展。');
    expect(s.map((x) => [x.text, x.heading, x.level ?? null])).toEqual([['（一）总体思路。', true, 3], ['坚持创新驱动发展。', false, null]]);
  });

  it('counts paragraphs by line and by runs of ideographic spaces', () => {
    const s = split('甲句。乙句。\n丙句。\u3000\u3000丁句。\u3000戊句。');
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([['甲句。', 0], ['乙句。', 0], ['丙句。', 1], ['丁句。\u3000戊句。'.slice(0, 3), 2], ['戊句。', 2]]);
  });

  it('skips spans that are only punctuation or whitespace', () => {
    expect(texts('好。”\n\n  \n——\n')).toEqual(['好。”']);
  });
});
