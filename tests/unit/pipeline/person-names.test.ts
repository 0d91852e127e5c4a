import { describe, expect, it } from 'vitest';
import { personNames } from '../../../src/pipeline/person-names.ts';
import { jiebaTagger } from '../../../src/pipeline/segment-words.ts';
import { index } from './fixture-index.ts';

describe('personNames', () => {
  it('finds a place name inside a person’s name the segmenter tags (李昌平), not in other words', () => {
    expect(personNames(index, jiebaTagger('李昌平说农民真苦'))).toEqual(new Set()); // 昌平 is not in the fixture gazetteer
    expect(personNames(index, [{ word: '李海淀', tag: 'nr' }, { word: '海淀园', tag: 'ns' }])).toEqual(new Set(['海淀']));
  });

  it('leaves a word that is a place name itself, or too long or short to be a person’s name', () => {
    expect(personNames(index, [{ word: '海淀区', tag: 'nr' }, { word: '海淀', tag: 'nr' }, { word: '欧阳海淀区长', tag: 'nr' }])).toEqual(new Set());
  });
});
