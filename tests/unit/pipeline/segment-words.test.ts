import { describe, expect, it } from 'vitest';
import { jiebaTagger, wordStarts } from '../../../src/pipeline/segment-words.ts';

const jiebaSegmenter = (text: string) => jiebaTagger(text).map((w) => w.word);

describe('wordStarts', () => {
  it('marks where each word starts, and the end', () => {
    expect([...wordStarts(['京东方', '发布'], '京东方发布')]).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('marks every position when the words do not add up to the text (no evidence rather than false evidence)', () => {
    expect([...wordStarts(['京东', '发布'], '京东方发布')]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('uses jieba, whose words keep 京东方 and 大兴安岭地区 whole', () => {
    expect(jiebaSegmenter('京东方科技集团')).toContain('京东方');
    expect(jiebaSegmenter('大兴安岭地区')).toEqual(['大兴安岭地区']);
    expect(jiebaSegmenter('长春市朝阳区').join('')).toBe('长春市朝阳区');
  });
});

describe('jiebaTagger', () => {
  it('gives words that add up to the text, with their parts of speech', () => {
    const text = '京东方科技集团在北京经济技术开发区建设生产线';
    expect(jiebaSegmenter(text).join('')).toBe(text);
    expect(jiebaTagger('长春市朝阳区').map((w) => w.tag)).toEqual(['ns', 'ns']);
  });
});
