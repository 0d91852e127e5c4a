/**
 * Numbers with units in a sentence, and a guess at what they measure.
 * Works on the original text (Simplified or Traditional); units are reported in Simplified.
 */
import type { Figure } from '../types.ts';
import { normaliseKey } from './normalise-key.ts';

const UNITS = [
  '平方公里', '平方千米', '平方米', '万亿元', '萬億元', '亿美元', '億美元', '万美元', '萬美元', '亿元', '億元',
  '万元', '萬元', '万人次', '萬人次', '万人', '萬人', '人次', '公里', '千米', '公顷', '公頃', '元', '人', '家',
  '个', '個', '项', '項', '所', '座', '条', '條', '名', '位', '倍', '年', '岁', '歲', '米', '亩', '畝', '吨',
  '噸', '台', '件', '篇', '次', '户', '戶', '套', '批', '类', '類', '%', '‰', '万', '萬', '亿', '億',
];
/** Units after which a Chinese numeral is still clearly a count (十六个, 两项). */
const COUNT_UNITS = ['个', '個', '项', '項', '家', '所', '座', '条', '條', '批', '类', '類', '名', '位'];
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const CN = '[一二两兩三四五六七八九十百千]';
const FIGURE = new RegExp(
  [
    `(?<cnDen>${CN}+)分之(?<cnNum>${CN}+)`,
    `(?<num>${NUM})(?:%|‰)?(?:\\s*[-—–~至到]\\s*(?<max>${NUM}))?(?<qual>多|余|餘)?(?<unit>${UNITS.join('|')})`,
    `(?<cn>${CN}{2,}|[二两兩三四五六七八九十])(?<cnUnit>${COUNT_UNITS.join('|')})`,
  ].join('|'),
  'g',
);
const CLAUSE_STOP = /[，。；：、,;:！？!?（()）“”"「」『』\n]/;
const YEARS = /(?:从|從|到|至|在|截至|截止|于|於)?\d{4}年(?:底|末|前|初)?(?:的)?/g;
const TRAILING_FILLER =
  /(?:达到|達到|超过|超過|保持在|提升至|提高至|提高到|增长到|增長到|增至|增加到|分别为|分別為|约为|約為|共有|累计|累計|新增|拥有|擁有|具有|以及|达|達|突破|增长|增長|增加|提升|提高|上升|下降|降低|为|為|是|约|約|近|超|共|在|到|至|从|從|的|了|占|佔|有|逾|已|将|將|和|及|与|與|、)$/;
const MEASURE_MAX = 12;

function cnValue(s: string): number {
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const mult: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let cur = 0;
  for (const c of s) {
    if (c in digit) cur = digit[c];
    else {
      total += (cur || 1) * mult[c];
      cur = 0;
    }
  }
  return total + cur;
}

/** Full-width digits and signs to ASCII, one unit for one, so offsets are unchanged. */
const ascii = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => (/[０-９．％～，－]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));

function measureFor(text: string, from: number, at: number): string {
  let s = at;
  while (s > from && !CLAUSE_STOP.test(text[s - 1])) s--;
  let m = text.slice(s, at).replace(YEARS, '').trim();
  for (let prev = ''; prev !== m; ) {
    prev = m;
    m = m.replace(TRAILING_FILLER, '').replace(/^其中/, '').trim();
  }
  return m.slice(-MEASURE_MAX);
}

/** `offset` is the sentence's document offset; figure offsets are document offsets. */
export function extractFigures(sentence: string, offset = 0): Figure[] {
  const text = ascii(sentence);
  const out: Figure[] = [];
  let clauseFrom = 0;
  let lastMeasure = '';
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    // Ordinals (第十四個五年規劃, 第7期) are not figures.
    if (text[start - 1] === '第' || (g.num && /[\d.]/.test(text[start - 1] ?? ''))) continue;
    let value: number;
    let unit: string;
    let max: number | undefined;
    if (g.cnDen) [value, unit] = [cnValue(g.cnNum) / cnValue(g.cnDen), 'fraction'];
    else if (g.cn) [value, unit] = [cnValue(g.cn), normaliseKey(g.cnUnit).key];
    else {
      value = Number(g.num.replace(/,/g, ''));
      max = g.max ? Number(g.max.replace(/,/g, '')) : undefined;
      const pct = /[%‰]/.exec(m[0].slice(g.num.length, g.num.length + 1));
      unit = pct ? pct[0] : normaliseKey(g.unit).key;
    }
    const year = unit === '年' && !g.qual && Number.isInteger(value) && value >= 1900 && value <= 2100;
    // A new clause starts after punctuation; within one clause a figure with no words of its
    // own before it ("从12.6%提升至15.9%") measures the same thing as the previous one.
    const between = text.slice(clauseFrom, start);
    if (CLAUSE_STOP.test(between)) lastMeasure = '';
    let measure = year ? '' : measureFor(text, clauseFrom, start);
    if (!year && !measure) measure = lastMeasure;
    if (!year) [lastMeasure, clauseFrom] = [measure, end];
    const text0 = sentence.slice(start, end);
    out.push(max === undefined
      ? { text: text0, value, unit, measure, start: offset + start, end: offset + end }
      : { text: text0, value, max, unit, measure, start: offset + start, end: offset + end });
  }
  return out;
}
