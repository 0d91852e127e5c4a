/**
 * Splits the body into sentence spans with exact offsets into the original text.
 * Lines and runs of ≥2 ideographic spaces are paragraph breaks; headings are their own spans
 * and carry a level so that context can be scoped to a section.
 */

export interface SentenceSpan {
  start: number;
  end: number;
  heading: boolean;
  paragraph: number;
  /** Heading level, smaller = broader: 第X章 1, 一、 2, （一） 3, 1. 4, （1） 5, unmarked 6. */
  level?: number;
}

const MARKERS: Array<[RegExp, number]> = [
  [/^第[一二三四五六七八九十百零〇\d]+[章节節篇部]分?/, 1],
  [/^[一二三四五六七八九十]+、/, 2],
  [/^[（(][一二三四五六七八九十]+[)）]/, 3],
  [/^\d{1,2}(?:[.．、](?!\d))/, 4],
  [/^[（(]\d{1,2}[)）]/, 5],
];
const FULL_STOP = new Set(['。', '！', '？', '；']);
const HALF_STOP = new Set(['!', '?', ';']);
const CLOSERS = new Set(['”', '」', '』', '）', ')', '"', '’', "'", '】', '》', '〉']);
const ANY_STOP = /[。！？；!?;]/;
const HEADING_MAX = 60;
const CONTINUES = /(……|…|——|—|：|:|，|,|、)$/;
const LEAD_HEADING_MAX = 40;
const WS = /[\s\u3000\u00a0]/;
const HAS_WORD = /[\p{L}\p{N}]/u;

export function headingLevel(s: string): number | null {
  for (const [re, level] of MARKERS) if (re.test(s)) return level;
  return null;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && WS.test(text[s])) s++;
  while (e > s && WS.test(text[e - 1])) e--;
  return [s, e];
}

/** Sentence ends inside [s, e): each end index is exclusive and includes trailing closers. */
function sentenceEnds(text: string, s: number, e: number): number[] {
  const ends: number[] = [];
  for (let i = s; i < e; i++) {
    const c = text[i];
    const half = HALF_STOP.has(c) && !/[A-Za-z0-9=&/]/.test(text[i + 1] ?? '');
    if (!FULL_STOP.has(c) && !half) continue;
    let j = i + 1;
    while (j < e && (FULL_STOP.has(text[j]) || CLOSERS.has(text[j]))) j++;
    ends.push(j);
    i = j - 1;
  }
  if (ends[ends.length - 1] !== e) ends.push(e);
  return ends;
}

export function splitSentences(text: string, bodyStart: number, bodyEnd: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let paragraph = -1;
  const body = text.slice(bodyStart, bodyEnd);
  // Segments: lines, and within a line, stretches separated by ≥2 ideographic spaces.
  const seg = /[^\r\n\u3000]+(?:\u3000(?!\u3000)[^\r\n\u3000]*)*/g;
  for (let m = seg.exec(body); m; m = seg.exec(body)) {
    const [s, e] = trimSpan(text, bodyStart + m.index, bodyStart + m.index + m[0].length);
    const str = text.slice(s, e);
    if (!HAS_WORD.test(str)) continue;
    paragraph++;
    const level = headingLevel(str);
    const continues = CONTINUES.test(str); // "北京底气十足——" introduces what follows
    if (str.length <= HEADING_MAX && !continues && !ANY_STOP.test(str.slice(0, -1)) && (level !== null || !ANY_STOP.test(str))) {
      out.push({ start: s, end: e, heading: true, paragraph, level: level ?? 6 });
      continue;
    }
    let from = s;
    for (const end of sentenceEnds(text, s, e)) {
      const [a, b] = trimSpan(text, from, end);
      from = end;
      if (a >= b || !HAS_WORD.test(text.slice(a, b))) continue;
      // "（一）总体思路。坚持……" — a marked lead sentence is the section heading.
      const lead = a === s && level !== null && b - a <= LEAD_HEADING_MAX;
      out.push(lead ? { start: a, end: b, heading: true, paragraph, level: level ?? 6 } : { start: a, end: b, heading: false, paragraph });
    }
  }
  return out;
}
