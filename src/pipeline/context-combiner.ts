/**
 * A probe of the context rules, not a pipeline stage: how much of what a careful reader puts
 * under a place can the document's structure alone find? For every annotated sentence and every
 * place the document names, it reads the structural signals (the rules' own answer, how far back
 * and ahead the place is named, in which paragraph, how often, what kind of place, what the
 * sentence names itself, its heading) and fits a logistic model to the annotation. Scored leave
 * one set out, it says whether a better weighing of those signals would find more context than
 * the hand rules do, and at what precision (`npm run eval:combiner`, dev sets only).
 */

import { contextCues } from './assign-context.ts';

export interface ProbeSentence {
  text: string;
  heading: boolean;
  level?: number;
  paragraph: number;
  /** Places the sentence names itself, lendable ones only (not the municipality or a province). */
  named: string[];
  /** Places the rules gave it as context. */
  lent: string[];
}

export interface ProbePlaces {
  isScene: (id: string) => boolean;
  isAddress: (id: string) => boolean;
  isInstitution: (id: string) => boolean;
  within: (inner: string, outer: string) => boolean;
}

export interface Candidate {
  place: string;
  /** The rules lend it. */
  rule: boolean;
  features: number[];
}

const NEVER = Number.POSITIVE_INFINITY;

/** One-hot distance in sentences: 1, 2, 3–5, 6–12, more, never. */
const distance = (d: number) => [d === 1, d === 2, d >= 3 && d <= 5, d >= 6 && d <= 12, d > 12 && d < NEVER, d === NEVER].map(Number);

export const FEATURES = [
  'bias', 'rules lend it', 'rules lend another',
  'named 1 before', '2 before', '3–5 before', '6–12 before', 'further before', 'never before',
  'named 1 after', '2 after', '3–5 after',
  'last named this paragraph', 'last paragraph', 'further back',
  'most recent', 'second most recent', 'older',
  'share of scene names', 'half of them',
  'scene', 'address', 'institution',
  'sentence names a place', 'it lies in this one', 'this one lies in it',
  'heading', 'plan', 'under a heading naming it',
  'goes on (points back, a speaker)', 'general opening', 'quoted speech', 'paragraph start', 'named earlier in paragraph',
  'rules lend it, named ≤2 before', 'rules lend it, in a plan',
] as const;

/** The candidates of sentence `i`: every place the document names, and what the rules lend, less its own. */
export function candidates(doc: ProbeSentence[], i: number, places: ProbePlaces): Candidate[] {
  const s = doc[i];
  const at = new Map<string, number[]>();
  doc.forEach((x, j) => x.named.forEach((id) => at.get(id)?.push(j) ?? at.set(id, [j])));
  const sceneNames = doc.flatMap((x) => x.named.filter(places.isScene));
  const recent = [...at].map(([id, js]) => [id, js.filter((j) => j < i).pop() ?? -1] as const).filter(([, j]) => j >= 0).sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const plan = doc.filter((x) => x.heading && (x.level ?? 6) < 6).length >= 3;
  let heading = -1;
  for (let j = i - 1; j >= 0 && heading < 0; j--) if (doc[j].heading) heading = j;
  let paraStart = i;
  while (paraStart > 0 && doc[paraStart - 1].paragraph === s.paragraph && !doc[paraStart - 1].heading) paraStart--;
  const ids = [...new Set([...at.keys(), ...s.lent])].filter((id) => !s.named.includes(id));
  return ids.map((place) => {
    const js = at.get(place) ?? [];
    const before = js.filter((j) => j < i).pop();
    const after = js.find((j) => j > i);
    const back = before === undefined ? NEVER : s.paragraph - doc[before].paragraph;
    const rank = recent.indexOf(place);
    const share = sceneNames.length ? sceneNames.filter((x) => x === place).length / sceneNames.length : 0;
    const rule = s.lent.includes(place);
    const near = before !== undefined && i - before <= 2;
    const features = [
      1, Number(rule), Number(s.lent.length > 0 && !rule),
      ...distance(before === undefined ? NEVER : i - before),
      ...distance(after === undefined ? NEVER : after - i).slice(0, 3),
      Number(back === 0), Number(back === 1), Number(back >= 2 && back < NEVER),
      Number(rank === 0), Number(rank === 1), Number(rank >= 2),
      share, Number(share >= 0.5),
      Number(places.isScene(place)), Number(places.isAddress(place)), Number(places.isInstitution(place)),
      Number(s.named.length > 0), Number(s.named.some((o) => places.within(o, place))), Number(s.named.some((o) => places.within(place, o))),
      Number(s.heading), Number(plan), Number(heading >= 0 && doc[heading].named.includes(place)),
      // The rules' own cue words: pointing back or a speaker, a turn to the general picture, quoted speech.
      Number(contextCues.goesOn(s.text)), Number(contextCues.opensOnGeneral(s.text)), Number(contextCues.opensOnQuote(s.text)),
      Number(i === paraStart), Number(doc.slice(paraStart, i).some((x) => x.named.includes(place))),
      Number(rule && near), Number(rule && plan),
    ];
    return { place, rule, features };
  });
}

export interface Example {
  features: number[];
  label: boolean;
}

const dot = (w: number[], f: number[]) => f.reduce((s, x, k) => s + x * w[k], 0);
export const probability = (w: number[], f: number[]) => 1 / (1 + Math.exp(-dot(w, f)));

/**
 * Logistic regression by Newton's method with an L2 penalty `lambda` on every weight but the
 * first (the bias): a few dozen features converge in a few steps, with no learning rate to tune.
 */
export function fitLogistic(examples: Example[], lambda = 1, steps = 25): number[] {
  const n = examples[0]?.features.length ?? 0;
  let w = new Array<number>(n).fill(0);
  for (let step = 0; step < steps; step++) {
    const grad = w.map((x, k) => (k ? lambda * x : 0));
    const hess = w.map((_, k) => w.map((__, l) => (k === l ? (k ? lambda : 1e-6) : 0)));
    for (const e of examples) {
      const p = probability(w, e.features);
      const f = e.features;
      for (let k = 0; k < n; k++) {
        if (!f[k]) continue;
        grad[k] += (p - Number(e.label)) * f[k];
        for (let l = 0; l < n; l++) hess[k][l] += p * (1 - p) * f[k] * f[l];
      }
    }
    const move = solve(hess, grad);
    w = w.map((x, k) => x - move[k]);
    if (Math.max(...move.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Solves a x = b by Gauss–Jordan elimination with partial pivoting (a is small and positive definite). */
export function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, k) => [...row, b[k]]);
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= factor * m[c][k];
    }
  }
  return m.map((row, k) => row[n] / row[k]);
}

export interface Pairs {
  tp: number;
  fp: number;
  fn: number;
}

/** A set's candidates with their gold labels, and the gold pairs no candidate covers (misses for any model). */
export interface ProbeSet {
  name: string;
  examples: Array<Example & { rule: boolean }>;
  uncovered: number;
}

/**
 * Leave one set out: for each set, fit on the others and score it, at each threshold; beside it,
 * the rules on the same pairs. (The rules were shaped on these sets, so their figure is in-sample:
 * the combiner has to beat it out of sample.)
 */
export function leaveOneSetOut(sets: ProbeSet[], thresholds: number[], lambda = 1): { rules: Pairs; combiner: Map<number, Pairs> } {
  const rules = { tp: 0, fp: 0, fn: 0 };
  const combiner = new Map(thresholds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const tally = (t: Pairs, predicted: boolean, label: boolean) => {
    if (predicted && label) t.tp++;
    else if (predicted) t.fp++;
    else if (label) t.fn++;
  };
  for (const set of sets) {
    const w = fitLogistic(sets.filter((s) => s !== set).flatMap((s) => s.examples), lambda);
    rules.fn += set.uncovered;
    for (const t of combiner.values()) t.fn += set.uncovered;
    for (const e of set.examples) {
      tally(rules, e.rule, e.label);
      const p = probability(w, e.features);
      for (const [threshold, t] of combiner) tally(t, p >= threshold, e.label);
    }
  }
  return { rules, combiner };
}
