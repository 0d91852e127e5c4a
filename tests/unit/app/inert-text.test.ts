import { describe, expect, it } from 'vitest';
import { inertText } from '../../../src/app/ui/inert-text.ts';

describe('inertText', () => {
  it('shows each bidi control as a visible marker with its code point', () => {
    expect(inertText('海淀区\u202e打造\u202c，\u2066怀柔\u2069布局\u200f。')).toBe('海淀区[U+202E]打造[U+202C]，[U+2066]怀柔[U+2069]布局[U+200F]。');
  });

  it('covers all twelve bidi controls, including the Arabic letter mark', () => {
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(inertText(controls)).toBe('[U+061C][U+200E][U+200F][U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]');
  });

  it('leaves markup, RTL letters, joiners and other text exactly as written', () => {
    const s = '<img src=x onerror=alert(1)> &lt; שלום 👨‍👩‍👧 a\u200bb \u00a0「引號」';
    expect(inertText(s)).toBe(s);
  });

  it('keeps text without controls the identical string', () => {
    const quote = '北京经济技术开发区去年实现工业总产值4000亿元。';
    expect(inertText(quote)).toBe(quote);
  });
});
