/**
 * Splits a document body into display segments: plain text, fact sentences (by their
 * offsets) and line breaks. Pure; the segments' texts concatenate to the body exactly.
 */
import type { Fact } from '../../types.ts';

export interface Segment {
  text: string;
  /** The fact this text belongs to. */
  factId?: string;
  /** The fact's first place, when it names any (the sentence is then clickable). */
  placeId?: string;
  /** Part of the fact the reader was opened at. */
  target?: boolean;
  /** A run of line breaks: a new paragraph starts after it. */
  paragraphBreak?: boolean;
}

const BREAKS = /(\r\n|\r|\n|\u2028|\u2029)+/g;

function pushText(out: Segment[], text: string, extra: Omit<Segment, 'text' | 'paragraphBreak'>): void {
  let last = 0;
  for (const m of text.matchAll(BREAKS)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), ...extra });
    out.push({ text: m[0], paragraphBreak: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), ...extra });
}

export function segments(
  text: string,
  bodyStart: number,
  bodyEnd: number,
  facts: readonly Fact[],
  targetFactId: string | null,
): Segment[] {
  const start = Math.max(0, Math.min(bodyStart, text.length));
  const end = Math.max(start, Math.min(bodyEnd, text.length));
  const inBody = facts
    .filter((f) => f.start >= start && f.end <= end && f.start < f.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = start;
  for (const f of inBody) {
    if (f.start < pos) continue; // overlaps the previous fact: keep the earlier one
    if (f.start > pos) pushText(out, text.slice(pos, f.start), {});
    const extra: Omit<Segment, 'text' | 'paragraphBreak'> = { factId: f.id };
    if (f.places.length) extra.placeId = f.places[0].id;
    if (f.id === targetFactId) extra.target = true;
    pushText(out, text.slice(f.start, f.end), extra);
    pos = f.end;
  }
  if (pos < end) pushText(out, text.slice(pos, end), {});
  return out;
}

/** Groups segments into paragraphs (break segments dropped, empty paragraphs skipped). */
export function paragraphs(segs: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [];
  let cur: Segment[] = [];
  for (const s of segs) {
    if (s.paragraphBreak) {
      if (cur.some((c) => c.text.trim() !== '')) out.push(cur);
      cur = [];
    } else cur.push(s);
  }
  if (cur.some((c) => c.text.trim() !== '')) out.push(cur);
  return out;
}
