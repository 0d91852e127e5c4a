import { describe, expect, it } from 'vitest';
import { normaliseKey, toOriginalRange } from '../../../src/pipeline/normalise-key.ts';

const backTo = (text: string, needle: string) => {
  const n = normaliseKey(text);
  const i = n.key.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginalRange(n, i, i + needle.length);
  return text.slice(s, e);
};

describe('normaliseKey', () => {
  it('turns Traditional into Simplified one character for one', () => {
    const n = normaliseKey('懷柔科學城');
    expect(n.key).toBe('怀柔科学城');
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a pinyin gloss in ASCII parentheses and maps the match back across it', () => {
    const n = normaliseKey('科學(xué)城');
    expect(n.key).toBe('科学城');
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 7]);
    expect(backTo('在科學(xué)城建設', '科学城')).toBe('科學(xué)城');
  });

  it('drops a pinyin gloss in full-width parentheses', () => {
    expect(normaliseKey('科学（xué）城').key).toBe('科学城');
  });

  it('keeps an uppercase English gloss', () => {
    expect(normaliseKey('人工智能(AI)').key).toBe('人工智能(AI)');
  });

  it('makes full-width ASCII half-width', () => {
    expect(normaliseKey('ＣＢＤ占６％').key).toBe('CBD占6%');
  });

  it('drops spaces between Han characters but keeps them elsewhere', () => {
    const n = normaliseKey('中关 村\u3000科学城 in Beijing');
    expect(n.key).toBe('中关村科学城 in Beijing');
    expect(backTo('中关 村\u3000科学城', '中关村科学城')).toBe('中关 村\u3000科学城');
  });

  it('maps offsets after a surrogate pair correctly', () => {
    expect(backTo('𠮷懷柔', '怀柔')).toBe('懷柔');
  });

  it('gives an empty key for empty text', () => {
    expect(normaliseKey('').key).toBe('');
  });
});
