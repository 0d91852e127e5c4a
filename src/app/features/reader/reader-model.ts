/**
 * Splits a document body into display segments: plain text, fact sentences (by their
 * offsets), place mentions inside fact sentences, and line breaks. Pure; the segments'
 * texts concatenate to the body exactly.
 */
import type { Fact } from '../../../types.ts';

/** What mention matching needs of a place (a PlaceRecord fits). */
export interface MentionPlace {
  id: string;
  names: { zhHans: string; zhHant: string };
  aliases: readonly string[];
}

/** Every place name and alias (both scripts), by first character, longest first. */
export interface MentionIndex {
  byFirst: Map<string, Array<{ name: string; ids: string[] }>>;
}

/** A place mention inside a string: [start, end) offsets into it. */
export interface Mention {
  start: number;
  end: number;
  placeId: string;
}

export function mentionIndex(places: Iterable<MentionPlace>): MentionIndex {
  const byName = new Map<string, string[]>();
  for (const p of places) {
    for (const name of [p.names.zhHans, p.names.zhHant, ...p.aliases]) {
      if (!name) continue;
      const ids = byName.get(name) ?? [];
      if (!ids.includes(p.id)) ids.push(p.id);
      byName.set(name, ids);
    }
  }
  const byFirst = new Map<string, Array<{ name: string; ids: string[] }>>();
  for (const [name, ids] of byName) {
    const first = name[0];
    const list = byFirst.get(first) ?? [];
    list.push({ name, ids });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  return { byFirst };
}

/**
 * Place mentions in `text`, left to right, longest name first, never overlapping. A match
 * whose place is not in `allowed` still takes its span (so 中关村科学城 is never read as
 * 中关村 when only the latter is allowed) but yields no mention.
 */
export function findMentions(text: string, allowed: ReadonlySet<string>, index: MentionIndex, blockers: readonly string[] = []): Mention[] {
  const out: Mention[] = [];
  if (allowed.size === 0) return out;
  let i = 0;
  while (i < text.length) {
    const hit = index.byFirst.get(text[i])?.find((c) => text.startsWith(c.name, i));
    const block = blockers.reduce((n, b) => (b.length > n && text.startsWith(b, i) ? b.length : n), 0);
    if (!hit && !block) {
      i += 1;
      continue;
    }
    if (hit && hit.name.length >= block) {
      const id = hit.ids.find((x) => allowed.has(x));
      if (id) out.push({ start: i, end: i + hit.name.length, placeId: id });
      i += hit.name.length;
    } else i += block;
  }
  return out;
}

/**
 * Mentions in a fact's sentence of the places the pipeline found named in it (how:
 * 'explicit'). Group terms the fact's places were named through (三城一区) take their span
 * whole, so their parts (一区) are not read as names.
 */
export function factMentions(sentence: string, fact: Pick<Fact, 'places'>, index: MentionIndex): Mention[] {
  const allowed = new Set(fact.places.filter((p) => p.how === 'explicit').map((p) => p.id));
  const via = [...new Set(fact.places.map((p) => p.via).filter((v): v is string => !!v))];
  return findMentions(sentence, allowed, index, via);
}

export interface Segment {
  text: string;
  /** The fact this text belongs to. */
  factId?: string;
  /** The fact's first place, when it names any (the sentence is then clickable). */
  placeId?: string;
  /** Part of the fact the reader was opened at. */
  target?: boolean;
  /** A place mention inside the fact sentence: the place it names (an explicit place of the fact). */
  mention?: string;
  /** A run of line breaks: a new paragraph starts after it. */
  paragraphBreak?: boolean;
}

const BREAKS = /(\r\n|\r|\n|\u2028|\u2029)+/g;

type SegmentExtra = Omit<Segment, 'text' | 'paragraphBreak'>;

function pushText(out: Segment[], text: string, extra: SegmentExtra): void {
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
  /** When given, fact sentences are split around mentions of their explicit places. */
  mentions?: MentionIndex,
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
    const extra: SegmentExtra = { factId: f.id };
    if (f.places.length) extra.placeId = f.places[0].id;
    if (f.id === targetFactId) extra.target = true;
    const sentence = text.slice(f.start, f.end);
    let at = 0;
    for (const m of mentions ? factMentions(sentence, f, mentions) : []) {
      if (m.start > at) pushText(out, sentence.slice(at, m.start), extra);
      pushText(out, sentence.slice(m.start, m.end), { ...extra, mention: m.placeId });
      at = m.end;
    }
    if (at < sentence.length) pushText(out, sentence.slice(at), extra);
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

/**
 * Of the sentences' boxes (viewport coordinates), the one nearest `centre` (a vertical
 * position): one that spans it, else the one with the nearest edge; null when there are none.
 */
export function nearestToCentre<T extends { top: number; bottom: number }>(boxes: readonly T[], centre: number): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const b of boxes) {
    const d = centre < b.top ? b.top - centre : centre > b.bottom ? centre - b.bottom : 0;
    if (d < bestD) {
      best = b;
      bestD = d;
    }
  }
  return best;
}

/** Why a reader text cannot be shown with these facts, or null: the highlights would land on the wrong words. */
export type TextProblem = { kind: 'empty' } | { kind: 'length'; expected: number; got: number } | { kind: 'mismatch'; count: number };

/**
 * Checks a fetched reader text against its document and facts: the text at each fact's
 * [start, end) must be the fact's sentence. A text from another run, truncated or empty, fails.
 */
export function textProblem(text: string, doc: { length: number }, facts: ReadonlyArray<Pick<Fact, 'start' | 'end' | 'text'>>): TextProblem | null {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.length !== doc.length) return { kind: 'length', expected: doc.length, got: text.length };
  const count = facts.filter((f) => text.slice(f.start, f.end) !== f.text).length;
  return count ? { kind: 'mismatch', count } : null;
}
