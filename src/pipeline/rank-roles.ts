/**
 * For each place, the sentences that best say what the place is FOR: the place opens the
 * sentence as its subject, a role verb follows (聚焦, 打造, 定位为 …), the sentence is about
 * this place rather than a list of many, and it is of readable length.
 */
import type { RoleSentence } from '../types.ts';

export interface RoleCandidate {
  fact: string;
  /** Normalised (Simplified) key of the sentence, for role verbs. */
  key: string;
  /** Headings name a topic but rarely say what a place is for. */
  heading?: boolean;
  places: Array<{
    id: string;
    how: 'explicit' | 'context';
    /** First mention, offset in the sentence. */
    at?: number;
    /** Named only through a group term (京津冀): the sentence is about the group. */
    via?: boolean;
  }>;
}

const STRONG = ['定位', '打造', '聚焦', '重点发展', '承担', '布局', '面向', '围绕', '主阵地', '主平台', '承载区', '示范区', '引领区'];
const WEAK = ['建设', '建成', '培育', '形成', '发展', '集聚', '推动'];
const CENTRE = /(建设|建成|打造)[^。；，]{0,20}(中心|高地|基地|集群|城)/;

export function scoreRole(c: RoleCandidate, placeId: string): number {
  const p = c.places.find((x) => x.id === placeId);
  if (!p) return 0;
  let score = p.how === 'explicit' ? 2 : 1;
  if (p.how === 'explicit' && p.at !== undefined) score += p.at <= 2 ? 2 : p.at <= 8 ? 1 : 0;
  if (p.via) score -= 1.5;
  if (STRONG.some((v) => c.key.includes(v))) score += 1.5;
  else if (WEAK.some((v) => c.key.includes(v))) score += 0.5;
  if (CENTRE.test(c.key)) score += 1;
  if (c.heading) score -= 1;
  const len = c.key.length;
  score -= len < 12 ? 1 : len > 250 ? 2 : len > 150 ? 1 : 0;
  const others = new Set(c.places.map((x) => x.id)).size - 1;
  score -= Math.min(1.5, others * 0.25);
  return Math.round(score * 100) / 100;
}

export function rankRoles(candidates: RoleCandidate[], topN = 5): Map<string, RoleSentence[]> {
  const byPlace = new Map<string, RoleSentence[]>();
  for (const c of candidates) {
    for (const id of new Set(c.places.map((p) => p.id))) {
      const score = scoreRole(c, id);
      if (score <= 0) continue;
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
