import { describe, expect, it } from 'vitest';
import { compareReadings, scoreEval, wilson, type Annotation } from '../../../src/pipeline/eval-score.ts';
import type { Fact, FactPlace } from '../../../src/types.ts';

//            0         1
//            0123456789012345678
const text = '菜单。怀柔科学城加快建设。亦庄发展。丰台。';
const docs = new Map([['d', { text, bodyStart: 3 }]]);
const fact = (start: number, end: number, places: FactPlace[]): Fact => ({
  id: `d-${start}`, doc: 'd', start, end, text: text.slice(start, end), heading: false, places, topics: [], figures: [],
});
const facts = [
  fact(3, 13, [{ id: 'huairou-sc', how: 'explicit' }, { id: 'huairou', how: 'explicit' }]),
  fact(13, 18, [{ id: 'bda', how: 'explicit' }, { id: 'huairou-sc', how: 'context' }]),
];
const ann = (t: string, explicit: string[], context: string[] = []): Annotation => ({ doc: 'd', text: t, explicit, context });

describe('scoreEval', () => {
  it('counts true and false positives and misses per (sentence, place) pair', () => {
    const r = scoreEval(facts, docs, [ann('怀柔科学城加快建设。', ['huairou-sc']), ann('亦庄发展。', ['bda'], ['huairou-sc', 'future-sc'])]);
    expect([r.explicit.tp, r.explicit.fp, r.explicit.fn]).toEqual([2, 1, 0]);
    expect([r.context.tp, r.context.fp, r.context.fn]).toEqual([1, 0, 1]);
    expect(r.explicit.precision).toBeCloseTo(2 / 3);
    expect(r.context.recall).toBeCloseTo(1 / 2);
  });

  it('counts all places of an annotated sentence with no fact as misses', () => {
    const r = scoreEval(facts, docs, [ann('丰台。', ['fengtai'])]);
    expect([r.explicit.tp, r.explicit.fn]).toEqual([0, 1]);
    expect(r.noFact.map((a) => a.text)).toEqual(['丰台。']);
    expect(r.explicit.precision).toBeNull();
  });

  it('reports an annotation whose text is not in the document', () => {
    const r = scoreEval(facts, docs, [ann('不存在。', ['x'])]);
    expect(r.notFound).toHaveLength(1);
    expect(r.explicit.fn).toBe(1);
  });

  it('does not score ignored places', () => {
    const r = scoreEval(facts, docs, [ann('怀柔科学城加快建设。', ['huairou-sc'])], new Set(['huairou']));
    expect([r.explicit.tp, r.explicit.fp]).toEqual([1, 0]);
  });

  it('matches an annotation to every fact its text overlaps', () => {
    const r = scoreEval(facts, docs, [ann('建设。亦庄', ['huairou-sc', 'huairou', 'bda'], ['huairou-sc'])]);
    expect([r.explicit.tp, r.explicit.fp, r.context.tp]).toEqual([3, 0, 1]);
  });
});

describe('compareReadings', () => {
  const gold: Annotation[] = [
    { doc: 'd', text: '怀柔科学城加快建设。', part: 'dev', explicit: ['huairou-sc'], context: [] },
    { doc: 'd', text: '亦庄发展。', part: 'heldout', explicit: ['bda'], context: ['huairou-sc'] },
    { doc: 'e', text: '丰台。', part: 'heldout', explicit: ['fengtai'], context: [] },
  ];

  it('counts the pairs of the second reading against the gold, per part and list', () => {
    const r = compareReadings(gold, [
      { doc: 'd', i: 0, text: '怀柔科学城加快建设。', explicit: ['huairou-sc'], context: [] },
      { doc: 'd', i: 1, text: '亦庄发展。', explicit: ['bda'], context: ['future-sc'] },
      { doc: 'e', i: 0, text: '丰台。', explicit: ['fengtai'], context: [] },
    ]);
    expect([...r.keys()].sort()).toEqual(['dev', 'heldout']);
    const held = r.get('heldout')!;
    expect([held.explicit.tp, held.explicit.fp, held.explicit.fn]).toEqual([2, 0, 0]);
    expect([held.context.tp, held.context.fp, held.context.fn]).toEqual([0, 1, 1]);
    expect(held.context.precision).toBe(0);
    expect(r.get('dev')!.explicit.recall).toBe(1);
    expect(r.get('dev')!.group.precision).toBeNull();
  });

  it('refuses a row that is not the gold sentence at its place', () => {
    expect(() => compareReadings(gold, [{ doc: 'd', i: 1, text: '怀柔科学城加快建设。', explicit: [], context: [] }])).toThrow(/d #1/);
    expect(() => compareReadings(gold, [{ doc: 'x', i: 0, text: '丰台。', explicit: [], context: [] }])).toThrow(/x #0/);
  });
});

describe('wilson', () => {
  it('gives the 95% score interval of a proportion', () => {
    // Worked by hand from the formula: 30 of 46, z = 1.96.
    const [lo, hi] = wilson(30, 46)!;
    expect(lo).toBeCloseTo(0.508, 3);
    expect(hi).toBeCloseTo(0.773, 3);
  });

  it('narrows as the count grows and stays within 0 and 1', () => {
    const [lo1, hi1] = wilson(6, 10)!;
    const [lo2, hi2] = wilson(600, 1000)!;
    expect(hi2 - lo2).toBeLessThan(hi1 - lo1);
    expect(wilson(0, 5)![0]).toBeCloseTo(0, 9);
    expect(wilson(5, 5)![1]).toBeCloseTo(1, 9);
    expect(wilson(0, 0)).toBeNull();
  });
});
