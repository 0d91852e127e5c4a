/**
 * Short forms: what is left of a gazetteer name once a place name at its front is dropped —
 * 综合性国家科学中心 of (北京)怀柔综合性国家科学中心, 科学城 of 怀柔科学城 and 中关村科学城. A text uses
 * them where the full form is in scope, so they resolve only there:
 *  - a long short form (5 characters or more) where the place itself or the place at its front
 *    is in scope (怀柔正在加快建设综合性国家科学中心: 怀柔 is named, so 怀柔综合性国家科学中心);
 *  - a short one (科学城, 实验室) only after a demonstrative and where the place itself is in
 *    scope (这座科学城 after a paragraph on 怀柔科学城): alone it is a common noun (国际一流科学城,
 *    大学科技园);
 * and only when exactly one candidate is in scope. Derived from the gazetteer, never listed.
 */
import type { Gazetteer } from '../types.ts';
import { AhoCorasick, longestFirst } from './aho-corasick.ts';
import { keyOf, type NameIndex } from './name-index.ts';

interface Candidate {
  placeId: string;
  /** The place itself and the places named at the front of its full form. */
  fronts: string[];
}

export interface ShortForms {
  ac: AhoCorasick;
  keys: string[];
  candidates: Candidate[][];
  /** Generic heads (园区, 基地 …) and the places whose names end in them. */
  heads: Map<string, string[]>;
}

/**
 * The generic nouns a text uses for the park, base or zone it is about (园区内企业, 科技园二期,
 * 开发区内): a closed list of heads, not names, so it lives here and not in the gazetteer.
 * 科学城 is not among them: alone it is as often a common noun (国际一流科学城).
 */
const GENERIC_HEADS: Array<{ head: string; ends: string[] }> = [
  { head: '园区', ends: ['园', '园区'] },
  { head: '科技园', ends: ['科技园', '科学园'] },
  { head: '产业园', ends: ['产业园'] },
  { head: '基地', ends: ['基地'] },
  { head: '开发区', ends: ['开发区'] },
];

const MIN_SHORT = 3;
const LONG_SHORT = 5;
/** 这座, 该, 此 …: what makes a common noun point back to a place named before. */
const DEMONSTRATIVE = /(?:这|该|此|本|那)样?一?[座个所家处片]?$/;

export function buildShortForms(g: Gazetteer, index: NameIndex): ShortForms {
  const byKey = new Map<string, Candidate[]>();
  for (const p of g.places) {
    for (const name of new Set([p.names.zhHans, p.names.zhHant, ...p.aliases].map(keyOf))) {
      for (let i = 2; i <= name.length - MIN_SHORT; i++) {
        const front = index.keyIndex.get(name.slice(0, i));
        const rest = name.slice(i);
        if (front === undefined || index.keyIndex.has(rest)) continue;
        const fronts = [p.id, ...index.referents[front].flatMap((r) => (r.type === 'place' ? [r.id] : []))];
        const list = byKey.get(rest) ?? [];
        const known = list.find((c) => c.placeId === p.id);
        if (known) known.fronts = [...new Set([...known.fronts, ...fronts])];
        else list.push({ placeId: p.id, fronts });
        byKey.set(rest, list);
      }
    }
  }
  const keys = [...byKey.keys()];
  // Only a place with one site (not a zone spread over sixteen parks) is what 园区 points to.
  const heads = new Map(GENERIC_HEADS.map(({ head, ends }) => [head, g.places.filter((p) => p.geometry.type !== 'none' &&
    [p.names.zhHans, p.names.zhHant, ...p.aliases].map(keyOf).some((name) => name.length > head.length && ends.some((e) => name.endsWith(e)))).map((p) => p.id)]));
  return { ac: new AhoCorasick(keys), keys, candidates: keys.map((k) => byKey.get(k)!), heads };
}

export interface ShortFormMatch {
  placeId: string;
  /** Offsets into the sentence's key. */
  keyStart: number;
  keyEnd: number;
}

/**
 * Short forms in a sentence's key that resolve in `scope` (the places the sentence and the one
 * before it are about), outside the spans already taken by full names and aligned with words.
 */
export function matchShortForms(sf: ShortForms, key: string, starts: Uint8Array, taken: Array<[number, number]>, scope: Set<string>): ShortFormMatch[] {
  const hits = sf.ac.search(key).filter((h) => starts[h.start] && starts[h.end] && !taken.some(([a, b]) => h.start < b && a < h.end));
  const out: ShortFormMatch[] = [];
  for (const h of longestFirst(hits)) {
    const long = h.end - h.start >= LONG_SHORT;
    if (!long && !DEMONSTRATIVE.test(key.slice(0, h.start))) continue;
    const inScope = sf.candidates[h.pattern].filter((c) => (long ? c.fronts.some((f) => scope.has(f)) : scope.has(c.placeId)));
    if (inScope.length === 1) out.push({ placeId: inScope[0].placeId, keyStart: h.start, keyEnd: h.end });
  }
  return out;
}

/**
 * Where a generic head opens a phrase. After a noun it is a common noun (专业园区, 大学科技园),
 * after a verb an object (完善园区管理), after a demonstrative (这个园区) a pointer, not a name.
 */
const HEAD_OPENS = /(?:^|[,.;:!?，。；：、“"「（(]|在)$/;

/**
 * Generic heads in a sentence's key (园区内…, 科技园已吸引…) that stand for the one place in
 * `scope` (what the sentence is about by context) whose name ends in them; word-aligned, outside
 * spans already taken. Two such places in scope, or none: nothing.
 */
export function matchGenericHeads(sf: ShortForms, key: string, starts: Uint8Array, taken: Array<[number, number]>, scope: Set<string>): ShortFormMatch[] {
  const out: ShortFormMatch[] = [];
  for (const [head, places] of sf.heads) {
    const inScope = places.filter((id) => scope.has(id));
    if (inScope.length !== 1) continue;
    for (let at = key.indexOf(head); at >= 0; at = key.indexOf(head, at + 1)) {
      const end = at + head.length;
      if (!starts[at] || !starts[end] || !HEAD_OPENS.test(key.slice(0, at)) || taken.some(([a, b]) => at < b && a < end)) continue;
      out.push({ placeId: inScope[0], keyStart: at, keyEnd: end });
      break;
    }
  }
  return out;
}
