/**
 * What the documents say about a place: the one counting rule behind every number the atlas
 * shows — a district's colour and legend class, the place list, the panel's total and its
 * sections, the theme filter, the charts, and the pipeline's `factCount`.
 *
 * A place's facts are:
 *  - `self`: facts that name it or are about it (explicit or context; a district also through
 *    a town in it, `via` the town);
 *  - `within`: facts about a place located in it — through `parent` links and its main host
 *    district (`hosts[0]`, else `district`), at any depth: 中关村科学城's facts are 海淀区's,
 *    `via` 中关村科学城;
 *  - `shared`: facts about a place that spans it without being hosted by it (怀柔科学城 for
 *    密云区, 亦庄 for 通州区), `via` that place — shown, not counted;
 *  - `group`: facts reaching it, or a place in it, only through a group term (三城一区,
 *    一区多园), `via` the term — shown, not counted.
 * Each fact counts once per place, under the strongest of these (self > within > shared > group).
 * Counted = self + within. Pure; shared by the pipeline and the app.
 */
import { TOPICS } from './contract.ts';
import type { FactRef, Place, Topic } from './types.ts';

export type Reach = 'self' | 'within' | 'shared' | 'group';

export interface PlaceFact<F extends FactRef> {
  fact: F;
  reach: Reach;
  /** The town (self), the place inside (within, shared) or the group term (group). */
  via?: string;
}

export interface PlaceFacts<F extends FactRef> {
  /** self and within: what the place's count, colour and total are made of, in document order. */
  counted: Array<PlaceFact<F>>;
  /** shared and group: shown beside the counted facts, never counted. */
  listed: Array<PlaceFact<F>>;
}

export interface Aggregate<F extends FactRef> {
  of(placeId: string, topic?: Topic | null): PlaceFacts<F>;
  count(placeId: string, topic?: Topic | null): number;
}

type PlaceLinks = Pick<Place, 'id' | 'district' | 'parent' | 'hosts'>;

const RANK: Record<Reach, number> = { self: 0, within: 1, shared: 2, group: 3 };

/** The places a place lies in: its parent and its main host, and theirs, at any depth. */
export function containersOf(places: readonly PlaceLinks[]): Map<string, string[]> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const host = (p: PlaceLinks) => (p.hosts ? p.hosts[0] : p.district);
  const out = new Map<string, string[]>();
  const up = (id: string, seen: Set<string>): string[] => {
    const known = out.get(id);
    if (known) return known;
    const p = byId.get(id);
    const result: string[] = [];
    for (const next of [p?.parent, p && host(p)]) {
      if (!next || next === id || seen.has(next) || !byId.has(next)) continue;
      for (const x of [next, ...up(next, new Set([...seen, id]))]) if (!result.includes(x)) result.push(x);
    }
    out.set(id, result);
    return result;
  };
  for (const p of places) up(p.id, new Set());
  return out;
}

export function aggregate<F extends FactRef>(places: readonly PlaceLinks[], facts: readonly F[]): Aggregate<F> {
  const containers = containersOf(places);
  const shares = new Map(places.map((p) => [p.id, p.hosts?.slice(1) ?? []]));
  // Per place, per fact: the strongest way the fact reaches it.
  const reached = new Map<string, Map<F, PlaceFact<F>>>();
  const credit = (placeId: string, fact: F, reach: Reach, via?: string) => {
    const m = reached.get(placeId) ?? new Map<F, PlaceFact<F>>();
    reached.set(placeId, m);
    const had = m.get(fact);
    if (!had || RANK[reach] < RANK[had.reach]) m.set(fact, via === undefined ? { fact, reach } : { fact, reach, via });
  };
  for (const f of facts) {
    for (const p of f.places) {
      if (p.how === 'group') {
        for (const id of [p.id, ...(containers.get(p.id) ?? [])]) credit(id, f, 'group', p.via);
        continue;
      }
      credit(p.id, f, 'self', p.via);
      for (const id of containers.get(p.id) ?? []) credit(id, f, 'within', p.id);
      for (const id of shares.get(p.id) ?? []) credit(id, f, 'shared', p.id);
    }
  }
  const order = new Map(facts.map((f, i) => [f, i]));
  const of = (placeId: string, topic?: Topic | null): PlaceFacts<F> => {
    const all = [...(reached.get(placeId)?.values() ?? [])]
      .filter((x) => !topic || x.fact.topics.includes(topic))
      .sort((a, b) => order.get(a.fact)! - order.get(b.fact)!);
    return { counted: all.filter((x) => RANK[x.reach] <= RANK.within), listed: all.filter((x) => RANK[x.reach] > RANK.within) };
  };
  return { of, count: (placeId, topic) => of(placeId, topic).counted.length };
}

/** The first of a fact's topics in the contract's order, or 'other': the chart's stack and the panel's group. */
export function primaryTopic(f: Pick<FactRef, 'topics'>): Topic | 'other' {
  for (const topic of TOPICS) if (f.topics.includes(topic)) return topic;
  return 'other';
}

/**
 * A place's numbers, without its facts: what the first view needs to colour, list and count.
 * `n`/`l`: counted/listed facts; `t`: per topic [counted, listed]; `p`: counted facts per
 * primary topic (the charts' stacks). Sums of tallies are tallies: one per document adds up.
 */
export interface Tally {
  n: number;
  l: number;
  t: Partial<Record<Topic, [number, number]>>;
  p: Partial<Record<Topic | 'other', number>>;
}

export const emptyTally = (): Tally => ({ n: 0, l: 0, t: {}, p: {} });

/** Every cited place's tally, by `aggregate`'s rule; places nothing reaches are left out. */
export function tallies<F extends FactRef>(places: readonly PlaceLinks[], facts: readonly F[]): Map<string, Tally> {
  const counting = aggregate(places, facts);
  const out = new Map<string, Tally>();
  for (const p of places) {
    const { counted, listed } = counting.of(p.id);
    if (counted.length + listed.length === 0) continue;
    const tally = emptyTally();
    tally.n = counted.length;
    tally.l = listed.length;
    for (const [list, i] of [[counted, 0], [listed, 1]] as const) {
      for (const { fact } of list) {
        for (const topic of fact.topics) (tally.t[topic] ??= [0, 0])[i]++;
        if (i === 0) tally.p[primaryTopic(fact)] = (tally.p[primaryTopic(fact)] ?? 0) + 1;
      }
    }
    out.set(p.id, tally);
  }
  return out;
}

/** a + b, as a new tally. */
export function addTally(a: Tally, b: Tally): Tally {
  const out: Tally = { n: a.n + b.n, l: a.l + b.l, t: {}, p: { ...a.p } };
  for (const [k, v] of Object.entries(a.t) as Array<[Topic, [number, number]]>) out.t[k] = [v[0], v[1]];
  for (const [k, v] of Object.entries(b.t) as Array<[Topic, [number, number]]>) {
    const had = (out.t[k] ??= [0, 0]);
    had[0] += v[0];
    had[1] += v[1];
  }
  for (const [k, v] of Object.entries(b.p) as Array<[Topic | 'other', number]>) out.p[k] = (out.p[k] ?? 0) + v;
  return out;
}

/** Counted facts in a tally, optionally within one topic. */
export const tallyCount = (t: Tally | undefined, topic?: Topic | null): number => (!t ? 0 : topic ? (t.t[topic]?.[0] ?? 0) : t.n);
/** Listed (shown, not counted) facts in a tally, optionally within one topic. */
export const tallyListed = (t: Tally | undefined, topic?: Topic | null): number => (!t ? 0 : topic ? (t.t[topic]?.[1] ?? 0) : t.l);

/**
 * What a panel shows first: at most `cap` of a place's facts of each reach (about it, about
 * places in it, spanning it, through a group term), each in document order, so no section of the
 * panel is left out. The pipeline ships these (for no topic and for each topic) in the place's
 * first file, and the panel draws the same selection from it, so a panel's first paint does not
 * grow with the corpus (only the facts about the place itself are open at first); the rest is
 * one "show all" away.
 */
export function headOf<F extends FactRef>(pf: PlaceFacts<F>, cap: number): PlaceFacts<F> {
  const first = (xs: Array<PlaceFact<F>>) => {
    const seen: Partial<Record<Reach, number>> = {};
    return xs.filter((x) => (seen[x.reach] = (seen[x.reach] ?? 0) + 1) <= cap);
  };
  return { counted: first(pf.counted), listed: first(pf.listed) };
}

/** The most facts a panel shows before "show all": with no topic, and within one topic. */
export const PANEL_HEAD = 25;
export const TOPIC_HEAD = 20;
export const headCap = (topic: Topic | null | undefined) => (topic ? TOPIC_HEAD : PANEL_HEAD);

/** Every place's tally per document (tallies-by-doc.json): a document filter's numbers are their sums. */
export type TalliesByDoc = Record<string, Record<string, Tally>>;

/** The sum of per-document tallies over a set of documents. */
export function sumTallies(byDoc: TalliesByDoc, docIds: Iterable<string>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const d of docIds) for (const [place, t] of Object.entries(byDoc[d] ?? {})) out.set(place, addTally(out.get(place) ?? emptyTally(), t));
  return out;
}
