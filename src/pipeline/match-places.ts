/**
 * Finds gazetteer places in a sentence: names and aliases in both scripts, matched on the
 * normalised key, longest match first, with ambiguity rules and group terms expanded.
 */
import type { Gazetteer } from '../types.ts';
import { AhoCorasick, longestFirst } from './aho-corasick.ts';
import { normaliseKey, toOriginalRange, type NormalisedKey } from './normalise-key.ts';

export interface PlaceMatch {
  placeId: string;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  /** The gazetteer name or alias that matched, as written in the gazetteer. */
  alias: string;
  /** The group term when the place came from one (三城一区 → its members). */
  via?: string;
}

interface Target {
  alias: string;
  placeIds: string[];
  via?: string;
}

interface Rule {
  notAfter: string[];
  notBefore: string[];
}

export interface Matcher {
  ac: AhoCorasick;
  keys: string[];
  targets: Target[][];
  rules: Map<string, Rule[]>;
}

const keyOf = (s: string) => normaliseKey(s).key;
/** One-character names would match everywhere. */
const MIN_KEY = 2;

export function buildMatcher(g: Gazetteer): Matcher {
  const byKey = new Map<string, Target[]>();
  const add = (name: string, t: Target) => {
    const k = keyOf(name);
    if (k.length < MIN_KEY) return;
    const list = byKey.get(k) ?? [];
    if (!list.some((x) => x.via === t.via && x.placeIds.join() === t.placeIds.join())) list.push(t);
    byKey.set(k, list);
  };
  for (const p of g.places) {
    for (const name of [p.names.zhHans, p.names.zhHant, ...p.aliases]) if (name) add(name, { alias: name, placeIds: [p.id] });
  }
  for (const gr of g.groups ?? []) {
    for (const name of [gr.term, ...gr.aliases]) if (name) add(name, { alias: name, placeIds: gr.members, via: gr.term });
  }
  const keys = [...byKey.keys()];
  const rules = new Map<string, Rule[]>();
  for (const r of g.rules ?? []) {
    const k = keyOf(r.alias);
    const list = rules.get(k) ?? [];
    list.push({ notAfter: (r.notAfter ?? []).map(keyOf), notBefore: (r.notBefore ?? []).map(keyOf) });
    rules.set(k, list);
  }
  return { ac: new AhoCorasick(keys), keys, targets: keys.map((k) => byKey.get(k)!), rules };
}

function rejected(m: Matcher, key: string, start: number, end: number, pattern: string): boolean {
  const before = key.slice(0, start);
  const after = key.slice(end);
  return (m.rules.get(pattern) ?? []).some(
    (r) => r.notAfter.some((x) => x && before.endsWith(x)) || r.notBefore.some((x) => x && after.startsWith(x)),
  );
}

export function matchPlaces(m: Matcher, text: string, norm: NormalisedKey = normaliseKey(text)): PlaceMatch[] {
  const hits = m.ac.search(norm.key).filter((h) => !rejected(m, norm.key, h.start, h.end, m.keys[h.pattern]));
  const out: PlaceMatch[] = [];
  for (const h of longestFirst(hits)) {
    const [start, end] = toOriginalRange(norm, h.start, h.end);
    for (const t of m.targets[h.pattern]) {
      for (const placeId of t.placeIds) {
        out.push(t.via ? { placeId, start, end, alias: t.alias, via: t.via } : { placeId, start, end, alias: t.alias });
      }
    }
  }
  return out;
}
