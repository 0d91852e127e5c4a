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
}

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
  return { ac: new AhoCorasick(keys), keys, candidates: keys.map((k) => byKey.get(k)!) };
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
