/**
 * Precision and recall of place assignments against hand annotations, micro-averaged over
 * (sentence, place) pairs, separately for explicit, group and context places and for each part
 * of the annotation (dev: read while shaping the rules; heldout: not). Only annotated sentences
 * are scored. An annotation is matched to every fact of its document whose span overlaps the
 * annotation's text in the document (its `nth` occurrence from the body's start); with no
 * overlapping fact, all its places are misses.
 */
import type { Fact } from '../types.ts';

export const HOWS = ['explicit', 'group', 'context'] as const;
export type How = (typeof HOWS)[number];

export interface Annotation {
  doc: string;
  text: string;
  /** Which occurrence of `text` in the document, from its body's start (0 when absent). */
  nth?: number;
  part?: string;
  explicit: string[];
  group?: string[];
  context: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

export interface EvalResult {
  explicit: Counts;
  group: Counts;
  context: Counts;
  /** Annotations whose text is not in the document (an annotation error). */
  notFound: Annotation[];
  /** Annotations located in the document but covered by no fact. */
  noFact: Annotation[];
  errors: Array<{ doc: string; text: string; part: string; how: How; kind: 'fp' | 'fn'; place: string }>;
}

export interface EvalDocument {
  text: string;
  bodyStart: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
type Tally = Record<How, { tp: number; fp: number; fn: number }>;
const emptyTally = (): Tally => Object.fromEntries(HOWS.map((h) => [h, { tp: 0, fp: 0, fn: 0 }])) as Tally;
const countsOf = (t: Tally[How]): Counts => ({ ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) });
/** Items by their document, in order. */
export function byDocument<T extends { doc: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const list = out.get(x.doc);
    if (list) list.push(x);
    else out.set(x.doc, [x]);
  }
  return out;
}

/** Where an annotation's sentence starts in its document (its `nth` occurrence from the body's start), or -1. */
export function locate(d: EvalDocument, a: Annotation): number {
  let at = d.text.indexOf(a.text, d.bodyStart);
  for (let n = a.nth ?? 0; n > 0 && at >= 0; n--) at = d.text.indexOf(a.text, at + a.text.length);
  return at >= 0 || a.nth ? at : d.text.indexOf(a.text);
}

/** `ignore`: places the annotation convention never lists (the municipality): not scored. */
export function scoreEval(facts: Fact[], docs: Map<string, EvalDocument>, annotations: Annotation[], ignore = new Set<string>()): EvalResult {
  const tally = emptyTally();
  const result: EvalResult = { explicit: null!, group: null!, context: null!, notFound: [], noFact: [], errors: [] };
  const byDoc = byDocument(facts);
  for (const a of annotations) {
    const d = docs.get(a.doc);
    const at = d && a.text ? locate(d, a) : -1;
    const hits = at < 0 ? [] : (byDoc.get(a.doc) ?? []).filter((f) => f.start < at + a.text.length && at < f.end);
    if (at < 0) result.notFound.push(a);
    else if (hits.length === 0) result.noFact.push(a);
    for (const how of HOWS) {
      const gold = new Set((a[how] ?? []).filter((p) => !ignore.has(p)));
      const got = new Set(hits.flatMap((f) => f.places.filter((p) => p.how === how && !ignore.has(p.id)).map((p) => p.id)));
      const error = (kind: 'fp' | 'fn', place: string) => result.errors.push({ doc: a.doc, text: a.text, part: a.part ?? '', how, kind, place });
      for (const p of gold) {
        if (got.has(p)) tally[how].tp++;
        else {
          tally[how].fn++;
          error('fn', p);
        }
      }
      for (const p of got) {
        if (gold.has(p)) continue;
        tally[how].fp++;
        error('fp', p);
      }
    }
  }
  for (const how of HOWS) result[how] = countsOf(tally[how]);
  return result;
}

/** A second reading of a document's sentences: `i` is the sentence's place among the document's annotations. */
export interface Reading extends Annotation {
  i: number;
}

/**
 * How far a second reading agrees with the gold, per part of the gold and per list, as (sentence,
 * place) pairs: precision = share of the second reading's pairs the gold has, recall = share of the
 * gold's the second reading has. A row whose text is not the gold's at its place is an error: the
 * two were made from different splits.
 */
export function compareReadings(gold: Annotation[], second: Reading[]): Map<string, Record<How, Counts>> {
  const byDoc = byDocument(gold);
  const tallies = new Map<string, Tally>();
  for (const b of second) {
    const a = byDoc.get(b.doc)?.[b.i];
    if (!a || a.text !== b.text) throw new Error(`second reading ${b.doc} #${b.i}: not the gold's sentence at that place`);
    const part = a.part ?? 'dev';
    if (!tallies.has(part)) tallies.set(part, emptyTally());
    const t = tallies.get(part)!;
    for (const how of HOWS) {
      const g = new Set(a[how] ?? []);
      const s = new Set(b[how] ?? []);
      for (const p of s) g.has(p) ? t[how].tp++ : t[how].fp++;
      for (const p of g) if (!s.has(p)) t[how].fn++;
    }
  }
  return new Map([...tallies].map(([part, t]) => [part, Object.fromEntries(HOWS.map((h) => [h, countsOf(t[h])])) as Record<How, Counts>]));
}

/**
 * The 95% Wilson score interval of a proportion k / n: how far a precision or recall measured on
 * few pairs can be from the rate on text like it (30 of 46 pairs, 65%, reach from 51% to 77%).
 */
export function wilson(k: number, n: number, z = 1.96): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
