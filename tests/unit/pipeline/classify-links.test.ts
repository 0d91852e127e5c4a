import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseAt, classifyLinks, linkInClause, type LinkCues, type LinkEvidence } from '../../../src/pipeline/classify-links.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import { validateLinkCues } from '../../../src/pipeline/validate-inputs.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const cues = JSON.parse(readFileSync('geo/link-cues.json', 'utf8')) as LinkCues;

/** Evidence for sentences whose places are given by name: `at` is where the name (or via term) first appears. */
function evidence(fact: string, sentence: string, places: Array<[id: string, name: string, how?: 'explicit' | 'group' | 'context']>): LinkEvidence {
  const key = normaliseKey(sentence).key;
  return { fact, key, places: places.map(([id, name, how = 'explicit']) => ({ id, how, at: how === 'context' ? undefined : key.indexOf(normaliseKey(name).key) })) };
}
const everyone = () => true;

describe('clauseAt', () => {
  it('cuts at commas, semicolons and full stops but not at the enumeration comma', () => {
    const key = '深入推进京津冀协同创新,推进中关村在滨海、宝坻、保定的合作园区创新发展;初步形成格局';
    expect(clauseAt(key, key.indexOf('宝坻')).text).toBe('推进中关村在滨海、宝坻、保定的合作园区创新发展');
    expect(clauseAt(key, key.indexOf('京津冀')).text).toBe('深入推进京津冀协同创新');
    expect(clauseAt(key, 0).at).toBe(0);
  });
});

describe('linkInClause', () => {
  it('takes the strongest kind the clause states', () => {
    expect(linkInClause({ text: '推动通州区与北三县一体化发展和合作', at: 5 }, cues)).toEqual({ kind: 'integration', cue: '一体化' });
    expect(linkInClause({ text: '加强与上海等地合作开展基础研究', at: 3 }, cues)).toEqual({ kind: 'cooperation', cue: '合作' });
    expect(linkInClause({ text: '在西昌卫星发射中心', at: 1 }, cues)).toBeNull();
  });

  it('picks the cue nearest the place among those of one kind (援藏 for 藏 in 援疆、援藏)', () => {
    const text = '加强科技援疆、援藏';
    expect(linkInClause({ text, at: text.indexOf('援藏') }, cues)?.cue).toBe('援藏');
    expect(linkInClause({ text, at: text.indexOf('援疆') }, cues)?.cue).toBe('援疆');
  });
});

describe('classifyLinks', () => {
  it('gives each place the kind stated in its own clause, not in another clause of the sentence', () => {
    const e = evidence('f1', '深入推进京津冀协同创新，推进中关村在滨海、宝坻的合作园区创新发展。', [['tianjin', '京津冀', 'group'], ['binhai', '滨海'], ['baodi', '宝坻']]);
    const links = classifyLinks([e], everyone, cues);
    expect(links.get('tianjin')).toEqual({ kind: 'cooperation', fact: 'f1', cue: '协同' });
    expect(links.get('binhai')).toEqual({ kind: 'zgc-park', fact: 'f1', cue: '合作园区' });
    expect(links.get('baodi')?.kind).toBe('zgc-park');
  });

  it('leaves a place named only as a location a mention, with the fact that names it', () => {
    const e = evidence('f2', '2020年12月10日，在西昌卫星发射中心，中国成功发射了一颗卫星。', [['xichang', '西昌卫星发射中心']]);
    expect(classifyLinks([e], everyone, cues).get('xichang')).toEqual({ kind: 'mention', fact: 'f2' });
  });

  it('keeps the strongest kind over all the facts, the first fact stating it, a direct mention before a group one', () => {
    const facts = [
      evidence('a', '在雄安新区召开会议。', [['xiongan', '雄安新区']]),
      evidence('b', '京津冀协同发展。', [['xiongan', '京津冀', 'group']]),
      evidence('c', '加强与雄安新区创新协同。', [['xiongan', '雄安新区']]),
      evidence('d', '推动与雄安新区一体化发展。', [['xiongan', '雄安新区']]),
      evidence('e', '推动与雄安新区一体化发展。', [['xiongan', '雄安新区']]),
    ];
    expect(classifyLinks(facts.slice(0, 3), everyone, cues).get('xiongan')).toEqual({ kind: 'cooperation', fact: 'c', cue: '协同' });
    expect(classifyLinks(facts, everyone, cues).get('xiongan')).toEqual({ kind: 'integration', fact: 'd', cue: '一体化' });
  });

  it('reads Traditional sentences through the key, ignores context places and places it is not asked about', () => {
    const e = evidence('t', '推動通州區與北三縣一體化發展。', [['tongzhou', '通州區'], ['sanhe', '北三縣', 'group'], ['ctx', '', 'context']]);
    const links = classifyLinks([e], (id) => id !== 'tongzhou', cues);
    expect(links.get('sanhe')?.kind).toBe('integration');
    expect(links.has('tongzhou')).toBe(false);
    expect(links.has('ctx')).toBe(false);
  });

  it('states nothing without cues: every place is a mention', () => {
    const e = evidence('f', '加强与上海合作。', [['shanghai', '上海']]);
    expect(classifyLinks([e], everyone, {}).get('shanghai')?.kind).toBe('mention');
  });
});

describe('the link cue lexicon', () => {
  it('is valid, and a kind that is not one is refused by name', () => {
    expect(() => validateLinkCues(cues)).not.toThrow();
    expect(() => validateLinkCues({ partner: { terms: ['合作'] } })).toThrow(/link cues: kind "partner" is not a known link kind/);
    expect(() => validateLinkCues({ cooperation: { terms: '合作' } })).toThrow(/terms must be a list/);
  });
});

describe('on the seeds', () => {
  const file = factsFile();
  const link = (id: string) => file.places.find((p) => p.id === id)?.link;
  const factText = (id: string) => file.facts.find((f) => f.id === id)?.text ?? '';

  it('draws 西昌卫星发射中心 as a mention and the co-built parks as parks, each with a fact that holds its cue', () => {
    expect(link('xichang-slc')?.kind).toBe('mention');
    for (const id of ['xiongan-zgc-park', 'binhai', 'baodi', 'baoding']) expect(link(id)?.kind, id).toBe('zgc-park');
    for (const id of ['sanhe', 'dachang', 'xianghe']) expect(link(id)?.kind, id).toBe('integration');
    expect(link('hefei-ncsc')?.kind).toBe('cooperation');
    for (const p of file.places) {
      if (!p.link) continue;
      expect(['jjj-node', 'national-node'], p.id).toContain(p.kind);
      if (p.link.cue) expect(normaliseKey(factText(p.link.fact)).key, p.id).toContain(p.link.cue);
      expect(file.facts.find((f) => f.id === p.link!.fact)?.places.some((x) => x.id === p.id), p.id).toBe(true);
    }
  });
});
