/**
 * Precision and recall of place assignments against hand annotations, micro-averaged over
 * (sentence, place) pairs, separately for explicit and context places. Only annotated
 * sentences are scored. An annotation is matched to every fact of its document whose span
 * overlaps the annotation's text in the document; with no overlapping fact, all its places
 * are misses.
 */
import type { Fact } from '../types.ts';

export interface Annotation {
  doc: string;
  text: string;
  explicit: string[];
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
  context: Counts;
  /** Annotations whose text is not in the document (an annotation error). */
  notFound: Annotation[];
  /** Annotations located in the document but covered by no fact. */
  noFact: Annotation[];
  errors: Array<{ doc: string; text: string; how: 'explicit' | 'context'; kind: 'fp' | 'fn'; place: string }>;
}

export interface EvalDocument {
  text: string;
  bodyStart: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** `ignore`: places the annotation convention never lists (the municipality): not scored. */
export function scoreEval(facts: Fact[], docs: Map<string, EvalDocument>, annotations: Annotation[], ignore = new Set<string>()): EvalResult {
  const tally = { explicit: { tp: 0, fp: 0, fn: 0 }, context: { tp: 0, fp: 0, fn: 0 } };
  const result: EvalResult = { explicit: null!, context: null!, notFound: [], noFact: [], errors: [] };
  const byDoc = new Map<string, Fact[]>();
  for (const f of facts) byDoc.set(f.doc, [...(byDoc.get(f.doc) ?? []), f]);
  for (const a of annotations) {
    const d = docs.get(a.doc);
    let at = d && a.text ? d.text.indexOf(a.text, d.bodyStart) : -1;
    if (d && a.text && at < 0) at = d.text.indexOf(a.text);
    const hits = at < 0 ? [] : (byDoc.get(a.doc) ?? []).filter((f) => f.start < at + a.text.length && at < f.end);
    if (at < 0) result.notFound.push(a);
    else if (hits.length === 0) result.noFact.push(a);
    for (const how of ['explicit', 'context'] as const) {
      const gold = new Set((a[how] ?? []).filter((p) => !ignore.has(p)));
      const got = new Set(hits.flatMap((f) => f.places.filter((p) => p.how === how && !ignore.has(p.id)).map((p) => p.id)));
      for (const p of gold) {
        if (got.has(p)) tally[how].tp++;
        else {
          tally[how].fn++;
          result.errors.push({ doc: a.doc, text: a.text, how, kind: 'fn', place: p });
        }
      }
      for (const p of got) {
        if (gold.has(p)) continue;
        tally[how].fp++;
        result.errors.push({ doc: a.doc, text: a.text, how, kind: 'fp', place: p });
      }
    }
  }
  for (const how of ['explicit', 'context'] as const) {
    const t = tally[how];
    result[how] = { ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) };
  }
  return result;
}
