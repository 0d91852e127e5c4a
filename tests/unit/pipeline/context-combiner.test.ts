import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidates, FEATURES, fitLogistic, leaveOneSetOut, probability, solve, type ProbeSentence, type ProbeSet } from '../../../src/pipeline/context-combiner.ts';
import { probeSet } from '../../../src/pipeline/eval-combiner.ts';
import type { TopicLexicon } from '../../../src/pipeline/tag-topics.ts';
import type { Gazetteer } from '../../../src/types.ts';
import gazetteer from '../../fixtures/pipeline/gazetteer.json';
import topics from '../../fixtures/pipeline/topics.json';
import { divisions } from './fixture-index.ts';

const places = {
  isScene: (id: string) => id !== 'bank',
  isAddress: (id: string) => id === 'huairou',
  isInstitution: () => false,
  within: (inner: string, outer: string) => inner === 'huairou-sc' && outer === 'huairou',
};
const s = (text: string, named: string[], lent: string[] = [], paragraph = 0): ProbeSentence => ({ text, heading: false, paragraph, named, lent });
const feature = (f: number[], name: (typeof FEATURES)[number]) => f[FEATURES.indexOf(name)];

describe('candidates', () => {
  const doc = [
    s('怀柔科学城加快建设。', ['huairou-sc']),
    s('目前已建设29个项目。', [], ['huairou-sc']),
    s('亦庄发展很快。', ['bda'], [], 1),
  ];

  it('offers every place the document names, less the sentence\'s own, with one value per feature', () => {
    expect(candidates(doc, 2, places).map((c) => c.place)).toEqual(['huairou-sc']);
    const [c] = candidates(doc, 1, places);
    expect(c.features).toHaveLength(FEATURES.length);
  });

  it('reads how far back and ahead a place is named, and what the rules lend', () => {
    const byPlace = new Map(candidates(doc, 1, places).map((c) => [c.place, c]));
    const sc = byPlace.get('huairou-sc')!;
    expect(sc.rule).toBe(true);
    expect([feature(sc.features, 'named 1 before'), feature(sc.features, 'last named this paragraph'), feature(sc.features, 'most recent')]).toEqual([1, 1, 1]);
    const bda = byPlace.get('bda')!;
    expect(bda.rule).toBe(false);
    expect([feature(bda.features, 'never before'), feature(bda.features, 'named 1 after'), feature(bda.features, 'rules lend another')]).toEqual([1, 1, 1]);
  });

  it('offers a place only the rules lend, never named in the document', () => {
    const lentOnly = [s('这里是科学城。', [], ['huairou'])];
    const [c] = candidates(lentOnly, 0, places);
    expect(c.place).toBe('huairou');
    expect(feature(c.features, 'never before')).toBe(1);
  });
});

describe('fitLogistic', () => {
  it('weighs a feature that decides the label and not one that is noise', () => {
    const examples = Array.from({ length: 200 }, (_, i) => ({ features: [1, i % 2, (i >> 1) % 2], label: i % 2 === 1 }));
    // (One label in each cell goes the other way: not separable, so the weights stay finite, and the noise tells nothing.)
    for (const k of [0, 1, 2, 3]) examples[k].label = !examples[k].label;
    const w = fitLogistic(examples, 0.01);
    expect(w[1]).toBeGreaterThan(2);
    expect(Math.abs(w[2])).toBeLessThan(0.5);
    expect(probability(w, [1, 1, 0])).toBeGreaterThan(0.9);
    expect(probability(w, [1, 0, 0])).toBeLessThan(0.1);
  });

  it('gives the base rate with nothing but a bias', () => {
    const examples = Array.from({ length: 100 }, (_, i) => ({ features: [1], label: i < 25 }));
    expect(probability(fitLogistic(examples), [1])).toBeCloseTo(0.25, 6);
  });
});

describe('solve', () => {
  it('solves a small system, pivoting past a zero', () => {
    const x = solve([[0, 2], [3, 1]], [4, 5]);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });
});

describe('leaveOneSetOut', () => {
  const example = (rule: boolean, signal: number, label: boolean) => ({ features: [1, signal], rule, label });
  const set = (name: string): ProbeSet => ({
    name,
    examples: [...Array(20)].flatMap((_, i) => [example(i % 4 === 0, 1, i % 5 !== 0), example(false, 0, i % 10 === 0)]),
    uncovered: 3,
  });

  it('scores each set with a model fitted on the others, and the rules on the same pairs; uncovered gold pairs are misses', () => {
    const { rules, combiner } = leaveOneSetOut([set('a'), set('b')], [0.5]);
    // Per set: the rules lend 5 pairs (4 right), miss 12 + 2 labelled pairs and 3 uncovered.
    expect(rules).toEqual({ tp: 8, fp: 2, fn: 2 * (12 + 2 + 3) });
    // The model learns the signal: it takes the 16 labelled signal pairs and leaves the rest.
    expect(combiner.get(0.5)).toEqual({ tp: 32, fp: 8, fn: 2 * (2 + 3) });
  });
});

describe('probeSet', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/pipeline/huairou-yizhuang-trad.txt', import.meta.url)));
  const input = { documents: [{ file: 'huairou-yizhuang-trad.txt', bytes }], manifest: [], gazetteer: gazetteer as Gazetteer, divisions, topics: topics as TopicLexicon };

  it('labels the candidates of an annotated sentence from its gold context, counts gold it cannot reach and leaves out the municipality', () => {
    const set = probeSet('fixture', input, [
      { doc: 'huairou-yizhuang-trad', text: '目前已建設29個', explicit: [], context: ['huairou-sc', 'fengtai', 'beijing'] },
    ]);
    expect(set.uncovered).toBe(1);
    const labelled = set.examples.filter((e) => e.label);
    expect(labelled).toHaveLength(1);
    expect(labelled[0].rule).toBe(true);
    expect(feature(labelled[0].features, 'named 1 before')).toBe(1);
  });

  it('skips an annotation whose text is not in the document', () => {
    const set = probeSet('fixture', input, [{ doc: 'huairou-yizhuang-trad', text: '不在文中。', explicit: [], context: ['huairou-sc'] }]);
    expect(set.examples).toEqual([]);
    expect(set.uncovered).toBe(0);
  });
});
