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

function locate(d: EvalDocument, a: Annotation): number {
  let at = d.text.indexOf(a.text, d.bodyStart);
  for (let n = a.nth ?? 0; n > 0 && at >= 0; n--) at = d.text.indexOf(a.text, at + a.text.length);
  return at >= 0 || a.nth ? at : d.text.indexOf(a.text);
}

/** `ignore`: places the annotation convention never lists (the municipality): not scored. */
export function scoreEval(facts: Fact[], docs: Map<string, EvalDocument>, annotations: Annotation[], ignore = new Set<string>()): EvalResult {
  const tally = Object.fromEntries(HOWS.map((h) => [h, { tp: 0, fp: 0, fn: 0 }])) as Record<How, { tp: number; fp: number; fn: number }>;
  const result: EvalResult = { explicit: null!, group: null!, context: null!, notFound: [], noFact: [], errors: [] };
  const byDoc = new Map<string, Fact[]>();
  for (const f of facts) byDoc.set(f.doc, [...(byDoc.get(f.doc) ?? []), f]);
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
  for (const how of HOWS) {
    const t = tally[how];
    result[how] = { ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) };
  }
  return result;
}
