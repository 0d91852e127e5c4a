/**
 * For each place, the sentences that say what the place is FOR — its role statements — best
 * first. A role statement:
 *  - has a role verb or object (聚焦, 打造, 定位, 承担, 主阵地, 示范区, 高地; 建设…中心/基地/集群;
 *    weaker: 推动, 引领, 发展 …);
 *  - is about the place as its subject: the place opens it (named within its first few
 *    characters), or the sentence is about it by context (a paragraph topic, a heading) and
 *    opens with no other place;
 *  - is a sentence, not a heading, a fragment or an attribution line ("“天智航”负责人表示。"),
 *    a question, a table-of-contents line or censored text (**);
 *  - never reaches the place only through a group term (三城一区).
 * Ranked by how authoritative its document is for a role (the plan above an interview above the
 * news: the manifest's `genre`), how directly it names the place, the strength of its role
 * words, and how much it is about this place rather than a list of many.
 */
import type { Genre, RoleSentence } from '../types.ts';

export interface RoleCandidate {
  fact: string;
  /** Normalised (Simplified) key of the sentence. */
  key: string;
  heading?: boolean;
  /** The document's genre: how much it says about roles (absent: news). */
  genre?: Genre;
  places: Array<{
    id: string;
    how: 'explicit' | 'group' | 'context';
    /** First mention, offset in the sentence key. */
    at?: number;
  }>;
}

const AUTHORITY: Record<Genre, number> = { plan: 2, policy: 1.5, interview: 1, article: 0.5, news: 0 };
const STRONG = /定位|打造|聚焦|重点发展|承担|主阵地|主平台|承载区|示范区|引领区|高地|策源地/;
const CENTRE = /(?:建设|建成|打造|培育|形成)[^。；，]{0,24}(?:中心|高地|基地|集群|城|示范区|先行区|聚集区|集聚区)/;
/** Weaker role words: what a plan says a district does (推动…, 引领…, 发展…产业). */
const WEAK = /推动|引领|发展|发挥|培育|开展|建设|建成|形成|集聚/;
/** Words that make a place named early the object, not the subject (依托怀柔科学城…, 支持亦庄…). */
const NOT_SUBJECT = /(?:依托|依靠|围绕|支持|支援|推动|推进|加快|加强|建设|打造|用好|利用|以|在|对|与|和|从|向|将|把|为|由)$/;
/** How far into a sentence its subject may be named (亦莊聚焦…, 北京經濟技術開發區發揮…). */
const SUBJECT_AT = 8;
const MIN_LENGTH = 15;
/** An attribution line or a fragment ends on the verb of saying. */
const ATTRIBUTION = /(?:表示|说|指出|介绍|透露|认为|强调|坦言|直言|回忆)[。！：:]?[”"」]?$/;
const CENSORED = /\*{2,}|＊{2,}/;
const TABLE_OF_CONTENTS = /\.{4,}|…{2,}|·{4,}|\s\d{1,3}$/;

/** The score of a sentence as the role of a place, or 0 when it is not a role statement for it. */
export function scoreRole(c: RoleCandidate, placeId: string): number {
  const p = c.places.find((x) => x.id === placeId);
  if (!p || p.how === 'group' || c.heading) return 0;
  const key = c.key;
  if (key.length < MIN_LENGTH || CENSORED.test(key) || /[？?]$/.test(key) || TABLE_OF_CONTENTS.test(key)) return 0;
  if (ATTRIBUTION.test(key) && key.length < 40) return 0;
  if (!STRONG.test(key) && !CENTRE.test(key) && !WEAK.test(key)) return 0;
  // The place is the subject: it opens the sentence (not as an object: 依托怀柔科学城…), or the
  // sentence is about it and opens with no other place.
  const opens = (at: number | undefined) => at !== undefined && at < SUBJECT_AT && !NOT_SUBJECT.test(key.slice(0, at));
  const opener = c.places.some((x) => x.id !== placeId && x.how === 'explicit' && opens(x.at));
  if (p.how === 'explicit' ? !opens(p.at) : opener) return 0;
  let score = p.how === 'explicit' ? 3 : 2;
  score += AUTHORITY[c.genre ?? 'news'];
  if (STRONG.test(key)) score += 1.5;
  else if (!CENTRE.test(key)) score += 0.5;
  if (CENTRE.test(key)) score += 1;
  score -= key.length > 250 ? 2 : key.length > 150 ? 1 : 0;
  const others = new Set(c.places.filter((x) => x.how !== 'group').map((x) => x.id)).size - 1;
  score -= Math.min(1.5, others * 0.25);
  return Math.max(0, Math.round(score * 100) / 100);
}

/** Below this a sentence only touches on a role (a context sentence of the news, say): not kept. */
export const MIN_ROLE_SCORE = 3;

export function rankRoles(candidates: RoleCandidate[], topN = 5): Map<string, RoleSentence[]> {
  const byPlace = new Map<string, RoleSentence[]>();
  for (const c of candidates) {
    for (const id of new Set(c.places.map((p) => p.id))) {
      const score = scoreRole(c, id);
      if (score < MIN_ROLE_SCORE) continue;
      const list = byPlace.get(id) ?? [];
      list.push({ fact: c.fact, score });
      byPlace.set(id, list);
    }
  }
  for (const [id, list] of byPlace) {
    list.sort((a, b) => b.score - a.score || (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
    byPlace.set(id, list.slice(0, topN));
  }
  return byPlace;
}
