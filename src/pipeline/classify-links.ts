/**
 * What kind of link the documents state between Beijing and each place beyond it (Tianjin, Hebei,
 * the rest of China), read from the clause that names the place: a co-built Zhongguancun park
 * (推进中关村在滨海、宝坻、保定的合作园区), integrated development (通州区与北三县一体化发展), or
 * cooperation (加强与上海…合作). A place whose clauses state no tie is only a location the
 * documents mention (在西昌卫星发射中心，中国成功发射了…): the map does not draw it as a partner.
 *
 * The clause, not the sentence: one sentence of the plan names 京津冀 (协同创新) and 滨海 (合作园区)
 * in different clauses, and each place takes only what is said about it. 、 does not end a clause,
 * so a list (滨海、宝坻、保定的合作园区) shares its cue.
 */
import { LINK_KINDS, type LinkKind, type PlaceLink } from '../types.ts';
import { normaliseKey } from './normalise-key.ts';

/** The curated cue words per kind (geo/link-cues.json). */
export type LinkCues = Partial<Record<LinkKind, { note?: string; terms: string[] }>>;

export interface LinkEvidence {
  fact: string;
  /** Normalised (Simplified) key of the sentence. */
  key: string;
  /** Places named in it, with where in the key (explicit and group mentions; context has none). */
  places: Array<{ id: string; how: 'explicit' | 'group' | 'context'; at?: number }>;
}

const CLAUSE_END = /[，,；;：:。！!？?\n]/;

/** The clause of `key` around offset `at`, and where `at` falls in it. */
export function clauseAt(key: string, at: number): { text: string; at: number } {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(key[start - 1])) start--;
  let end = at;
  while (end < key.length && !CLAUSE_END.test(key[end])) end++;
  return { text: key.slice(start, end), at: at - start };
}

/** The strongest kind a clause states, with its cue nearest the place (援藏 for 藏 in 援疆、援藏), or null. */
export function linkInClause(clause: { text: string; at: number }, cues: LinkCues): { kind: LinkKind; cue: string } | null {
  for (const kind of LINK_KINDS) {
    let best: { cue: string; distance: number } | null = null;
    for (const term of cues[kind]?.terms ?? []) {
      const k = normaliseKey(term).key;
      for (let i = k ? clause.text.indexOf(k) : -1; i >= 0; i = clause.text.indexOf(k, i + 1)) {
        const distance = Math.abs(i - clause.at);
        if (!best || distance < best.distance) best = { cue: k, distance };
      }
    }
    if (best) return { kind, cue: best.cue };
  }
  return null;
}

const STRENGTH = (k: PlaceLink['kind']) => (k === 'mention' ? LINK_KINDS.length : LINK_KINDS.indexOf(k));

/**
 * For each place `linkable` accepts, its link from the evidence (in document order): the
 * strongest kind any clause naming it states, shown by the first such fact, a direct mention
 * before a group one (京津冀 speaks for Tianjin less than 天津 does).
 */
export function classifyLinks(evidence: LinkEvidence[], linkable: (id: string) => boolean, cues: LinkCues): Map<string, PlaceLink> {
  const best = new Map<string, PlaceLink & { group: boolean }>();
  for (const e of evidence) {
    for (const p of e.places) {
      if (p.how === 'context' || p.at === undefined || !linkable(p.id)) continue;
      const found = linkInClause(clauseAt(e.key, p.at), cues);
      const next = { kind: found?.kind ?? 'mention', fact: e.fact, group: p.how === 'group', ...(found ? { cue: found.cue } : {}) } as const;
      const now = best.get(p.id);
      const better = !now || STRENGTH(next.kind) < STRENGTH(now.kind) || (STRENGTH(next.kind) === STRENGTH(now.kind) && now.group && !next.group);
      if (better) best.set(p.id, next);
    }
  }
  return new Map([...best].map(([id, { group: _, ...link }]) => [id, link]));
}
