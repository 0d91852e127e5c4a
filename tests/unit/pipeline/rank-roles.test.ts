import { describe, expect, it } from 'vitest';
import { rankRoles, scoreRole, type RoleCandidate } from '../../../src/pipeline/rank-roles.ts';

const cand = (fact: string, key: string, places: RoleCandidate['places']): RoleCandidate => ({ fact, key, places });

const subjectWithVerb = cand('d-a', '丰台区聚焦轨道交通、航空航天等领域，打造高精尖产业集聚区。', [{ id: 'fengtai', how: 'explicit', at: 0 }]);
const mentionInList = cand('d-b', '海淀区、朝阳区、丰台区、昌平区和大兴区等区的企业数量较上年有所增长，增速较快。', [
  { id: 'haidian', how: 'explicit', at: 0 }, { id: 'chaoyang', how: 'explicit', at: 4 },
  { id: 'fengtai', how: 'explicit', at: 8 }, { id: 'changping', how: 'explicit', at: 12 }, { id: 'daxing', how: 'explicit', at: 16 },
]);
const contextOnly = cand('d-c', '重点发展轨道交通装备产业，建设国家级创新中心。', [{ id: 'fengtai', how: 'context' }]);

describe('rankRoles', () => {
  it('scores a subject-first sentence with a role verb above a list mention', () => {
    expect(scoreRole(subjectWithVerb, 'fengtai')).toBeGreaterThan(scoreRole(mentionInList, 'fengtai'));
  });

  it('scores an explicit subject above the same kind of sentence given by context', () => {
    expect(scoreRole(subjectWithVerb, 'fengtai')).toBeGreaterThan(scoreRole(contextOnly, 'fengtai'));
  });

  it('scores a place named through a group term below one named directly', () => {
    const viaGroup = cand('d-g', subjectWithVerb.key, [{ id: 'fengtai', how: 'explicit', at: 0, via: true }]);
    expect(scoreRole(viaGroup, 'fengtai')).toBeLessThan(scoreRole(subjectWithVerb, 'fengtai'));
  });

  it('scores a heading below the same words in a sentence', () => {
    expect(scoreRole({ ...subjectWithVerb, heading: true }, 'fengtai')).toBeLessThan(scoreRole(subjectWithVerb, 'fengtai'));
  });

  it('orders role sentences by score, best first, and keeps at most N', () => {
    const roles = rankRoles([mentionInList, contextOnly, subjectWithVerb], 2).get('fengtai')!;
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
