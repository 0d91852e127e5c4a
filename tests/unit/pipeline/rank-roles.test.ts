import { describe, expect, it } from 'vitest';
import { MIN_ROLE_SCORE, rankRoles, scoreRole, type RoleCandidate } from '../../../src/pipeline/rank-roles.ts';

const cand = (fact: string, key: string, places: RoleCandidate['places'], extra: Partial<RoleCandidate> = {}): RoleCandidate => ({ fact, key, places, ...extra });

const subjectWithVerb = cand('d-a', '丰台区聚焦轨道交通、航空航天等领域，打造高精尖产业集聚区。', [{ id: 'fengtai', how: 'explicit', at: 0 }]);
const mentionInList = cand('d-b', '海淀区、朝阳区、丰台区、昌平区和大兴区等区的企业数量较上年有所增长，增速较快。', [
  { id: 'haidian', how: 'explicit', at: 0 }, { id: 'chaoyang', how: 'explicit', at: 4 },
  { id: 'fengtai', how: 'explicit', at: 8 }, { id: 'changping', how: 'explicit', at: 12 }, { id: 'daxing', how: 'explicit', at: 16 },
]);
const contextOnly = cand('d-c', '重点发展轨道交通装备产业，建设国家级创新中心。', [{ id: 'fengtai', how: 'context' }]);

describe('scoreRole: what a role statement is', () => {
  it('scores a subject-first sentence with a role verb, and gives a mention in a list none', () => {
    expect(scoreRole(subjectWithVerb, 'fengtai')).toBeGreaterThan(0);
    expect(scoreRole(mentionInList, 'fengtai')).toBe(0);
  });

  it('scores an explicit subject above the same kind of sentence given by context', () => {
    expect(scoreRole(subjectWithVerb, 'fengtai')).toBeGreaterThan(scoreRole(contextOnly, 'fengtai'));
  });

  it('prefers the most authoritative document: the plan above an interview above the news', () => {
    const plan = scoreRole({ ...subjectWithVerb, genre: 'plan' }, 'fengtai');
    const interview = scoreRole({ ...subjectWithVerb, genre: 'interview' }, 'fengtai');
    const news = scoreRole({ ...subjectWithVerb, genre: 'news' }, 'fengtai');
    expect(plan).toBeGreaterThan(interview);
    expect(interview).toBeGreaterThan(news);
  });

  it('never takes a place reached through a group term, a heading, a fragment, an attribution line, a question, censored text or a contents line', () => {
    expect(scoreRole(cand('g', subjectWithVerb.key, [{ id: 'fengtai', how: 'group', at: 0 }]), 'fengtai')).toBe(0);
    expect(scoreRole({ ...subjectWithVerb, heading: true }, 'fengtai')).toBe(0);
    expect(scoreRole(cand('f', '丰台区打造中心。', [{ id: 'fengtai', how: 'explicit', at: 0 }]), 'fengtai')).toBe(0);
    expect(scoreRole(cand('s', '“天智航”负责人在打造高地的会上表示。', [{ id: 'tinavi', how: 'explicit', at: 1 }]), 'tinavi')).toBe(0);
    expect(scoreRole(cand('q', '丰台区如何打造轨道交通创新中心和产业高地？', [{ id: 'fengtai', how: 'explicit', at: 0 }]), 'fengtai')).toBe(0);
    expect(scoreRole(cand('c', '丰台区聚焦轨道交通，打造**产业集聚区和创新高地。', [{ id: 'fengtai', how: 'explicit', at: 0 }]), 'fengtai')).toBe(0);
    expect(scoreRole(cand('t', '丰台区聚焦轨道交通打造产业高地......12', [{ id: 'fengtai', how: 'explicit', at: 0 }]), 'fengtai')).toBe(0);
  });

  it('does not take a place named early as an object (依托…, 支持…) for the subject', () => {
    expect(scoreRole(cand('o', '依托怀柔科学城，推动大科学装置开放共用，打造国际合作高地。', [{ id: 'hsc', how: 'explicit', at: 2 }]), 'hsc')).toBe(0);
  });

  it('takes a sentence about a place by context only when no other place opens it', () => {
    const other = cand('x', '东城区聚焦数字经济，建设文化科技融合示范基地。', [{ id: 'dongcheng', how: 'explicit', at: 0 }, { id: 'sancheng', how: 'context' }]);
    expect(scoreRole(other, 'sancheng')).toBe(0);
    expect(scoreRole(other, 'dongcheng')).toBeGreaterThan(0);
  });
});

describe('rankRoles', () => {
  it('orders role sentences by score, best first, keeps at most N, and drops those below the threshold', () => {
    const weak = cand('d-w', '在这里开展技术交流活动，推动合作不断深入发展。', [{ id: 'fengtai', how: 'context' }], { genre: 'news' });
    expect(scoreRole(weak, 'fengtai')).toBeLessThan(MIN_ROLE_SCORE);
    const roles = rankRoles([mentionInList, weak, contextOnly, { ...subjectWithVerb, genre: 'plan' }], 2).get('fengtai')!;
    expect(roles.map((r) => r.fact)).toEqual(['d-a', 'd-c']);
  });

  it('breaks score ties by fact id', () => {
    const twin = { ...subjectWithVerb, fact: 'd-0' };
    expect(rankRoles([subjectWithVerb, twin]).get('fengtai')!.map((r) => r.fact)).toEqual(['d-0', 'd-a']);
  });

  it('gives no role to a place no sentence names', () => {
    expect(rankRoles([subjectWithVerb]).has('huairou')).toBe(false);
  });
});
