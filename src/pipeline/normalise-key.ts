/**
 * A matching key for Chinese text. The original text is never changed: every stage that
 * matches on the key maps its hits back through `toOriginal`.
 * A key range [i, j) corresponds to original [toOriginal[i], toOriginal[j - 1] + 1).
 */
import * as OpenCC from 'opencc-js/t2cn';

export interface NormalisedKey {
  key: string;
  /** For each UTF-16 index of `key`, the UTF-16 index of the original character it came from. */
  toOriginal: Int32Array;
}

// 'tw' → 'cn' is character-level with a few phrases, so it (almost) never changes length.
export const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const HAN = /\p{Script=Han}/u;
const SPACE = /[ \t\u00a0\u3000]/;
// Pinyin glosses inserted by some sites: 科學(xué)城, 科学（xué）城. Lowercase letters only, so
// English glosses like (AI) or (CBD) stay.
const PINYIN = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ' ]{1,30}[)）]/;

/** Traditional → Simplified that keeps one output unit per input unit. */
export function simplify(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  // Rare length change (a phrase rule): fall back to per-character conversion, keeping any
  // character whose conversion would change length.
  let out = '';
  for (const ch of text) {
    const c = toSimplified(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

function halfWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return ' ';
  return c;
}

const isHan = (s: string, i: number) => i >= 0 && i < s.length && HAN.test(String.fromCodePoint(s.codePointAt(i) ?? 0));
/** Han test for the last kept key character, which may be the low half of a surrogate pair. */
const lastIsHan = (key: string) => {
  if (key.length === 0) return false;
  const lo = key.charCodeAt(key.length - 1);
  return isHan(key, lo >= 0xdc00 && lo <= 0xdfff ? key.length - 2 : key.length - 1);
};

export function normaliseKey(text: string): NormalisedKey {
  const conv = simplify(text);
  let key = '';
  const map: number[] = [];
  let i = 0;
  while (i < conv.length) {
    const c = conv[i];
    if ((c === '(' || c === '（') && lastIsHan(key)) {
      const m = PINYIN.exec(conv.slice(i, i + 34));
      if (m && /[a-zü]/.test(m[0].normalize('NFD'))) {
        i += m[0].length;
        continue;
      }
    }
    if (SPACE.test(c)) {
      let j = i;
      while (j < conv.length && SPACE.test(conv[j])) j++;
      if (lastIsHan(key) && isHan(conv, j)) {
        i = j;
        continue;
      }
    }
    key += halfWidth(c);
    map.push(i);
    i++;
  }
  return { key, toOriginal: Int32Array.from(map) };
}

/** Original [start, end) for key [i, j); j > i. */
export function toOriginalRange(n: NormalisedKey, i: number, j: number): [number, number] {
  return [n.toOriginal[i], n.toOriginal[j - 1] + 1];
}
