/**
 * Where the article body lies in a scraped page: from the manifest markers when the document
 * is listed, otherwise by a heuristic that looks for the densest run of prose lines.
 */
import type { ManifestEntry } from '../types.ts';

export interface BodySpan {
  start: number;
  end: number;
  source: 'manifest' | 'heuristic';
}

export class BodyMarkerError extends Error {
  override name = 'BodyMarkerError';
}

const TERMINAL = /[。！？!?；]/;
/** A prose line: long enough and with sentence punctuation. Menus and share widgets are neither. */
const isProse = (line: string) => line.length >= 30 && TERMINAL.test(line);
/** Short lines (headings, captions) may sit inside the body without breaking the run. */
const MAX_GAP_LINES = 2;

interface Line {
  start: number;
  end: number; // trimmed
  prose: boolean;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (!trimmed) continue;
    out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, prose: isProse(trimmed) });
  }
  return out;
}

/** Mostly Han characters, headline length, no sentence punctuation, not a byline. */
function isTitle(line: string): boolean {
  const han = (line.match(/\p{Script=Han}/gu) ?? []).length;
  return line.length >= 6 && line.length <= 40 && han / line.length >= 0.7 && !TERMINAL.test(line) && !/来源|來源|编辑|編輯|记者|記者/.test(line);
}

function heuristicBody(text: string): BodySpan {
  const ls = lines(text);
  let best: { first: number; last: number; score: number } | null = null;
  let cur: { first: number; last: number; score: number } | null = null;
  let gap = 0;
  ls.forEach((l, i) => {
    if (l.prose) {
      if (cur && gap <= MAX_GAP_LINES) {
        cur.last = i;
        cur.score += l.end - l.start;
      } else cur = { first: i, last: i, score: l.end - l.start };
      gap = 0;
      if (!best || cur.score > best.score) best = { ...cur };
    } else gap++;
  });
  if (!best) {
    // No prose at all: the whole trimmed text is the body (possibly empty).
    const s = text.length - text.trimStart().length;
    return { start: s, end: Math.max(s, text.trimEnd().length), source: 'heuristic' };
  }
  const b = best as { first: number; last: number };
  // A title-like line just above the first prose line belongs to the article; date and
  // source lines ("2021-03-01 來源：…") may sit between them.
  let first = b.first;
  for (let k = b.first - 1; k >= Math.max(0, b.first - 3); k--) {
    if (isTitle(text.slice(ls[k].start, ls[k].end))) {
      first = k;
      break;
    }
  }
  return { start: ls[first].start, end: ls[b.last].end, source: 'heuristic' };
}

export function extractBody(text: string, entry?: ManifestEntry): BodySpan {
  if (!entry) return heuristicBody(text);
  const { startsWith, endsWith } = entry.body;
  const start = text.indexOf(startsWith);
  if (!startsWith || start < 0) {
    throw new BodyMarkerError(`${entry.file}: body start marker not found: "${startsWith.slice(0, 30)}"`);
  }
  const e = text.indexOf(endsWith, start);
  if (!endsWith || e < 0) {
    throw new BodyMarkerError(`${entry.file}: body end marker not found after the start: "${endsWith.slice(0, 30)}"`);
  }
  return { start, end: e + endsWith.length, source: 'manifest' };
}
