import { describe, expect, it } from 'vitest';
import { buildMatcher, matchPlaces } from '../../../src/pipeline/match-places.ts';
import { AhoCorasick } from '../../../src/pipeline/aho-corasick.ts';
import gazetteer from '../../fixtures/pipeline/gazetteer.json';
import type { Gazetteer } from '../../../src/types.ts';

const matcher = buildMatcher(gazetteer as Gazetteer);
const ids = (text: string) => matchPlaces(matcher, text).map((m) => m.placeId);

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const hits = new AhoCorasick(['he', 'she', 'his', 'hers']).search('ushers');
    expect(hits.map((h) => [h.pattern, h.start, h.end])).toEqual([[1, 1, 4], [0, 2, 4], [3, 2, 6]]);
  });
});

describe('matchPlaces', () => {
  it('does not take 朝阳 in 保定市朝阳北大街 for the district', () => {
    expect(ids('保定市朝阳北大街的项目')).toEqual([]);
  });

  it('still finds 朝阳 elsewhere in the same sentence', () => {
    expect(ids('保定市朝阳北大街与朝阳合作')).toEqual(['chaoyang']);
  });

  it('tells bare 中关村, 中关村科学城 and 中关村示范区 apart by the longest match', () => {
    expect(ids('中关村')).toEqual(['zgc']);
    expect(ids('中关村科学城')).toEqual(['zgc-sc']);
    expect(ids('中关村示范区')).toEqual(['zgc-demo']);
    expect(ids('中关村国家自主创新示范区')).toEqual(['zgc-demo']);
  });

  it('takes 北京经济技术开发区 as a whole, not 北京 inside it', () => {
    expect(ids('北京经济技术开发区加快发展')).toEqual(['bda']);
  });

  it('prefers the longer of two overlapping names even when it starts later', () => {
    // 北京中关村 and 中关村科学城 overlap on 中关村: the science city (6 chars) beats 北京中关村 (5),
    // and the 北京 left over is still found on its own.
    const g = { ...(gazetteer as Gazetteer), places: [...(gazetteer as Gazetteer).places, { id: 'bj-zgc', names: { zhHans: '北京中关村', zhHant: '北京中關村', en: 'x' }, aliases: [], kind: 'other', geometry: { type: 'none', reason: 'test' } }] } as Gazetteer;
    expect(matchPlaces(buildMatcher(g), '位于北京中关村科学城的园区').map((m) => m.placeId)).toEqual(['beijing', 'zgc-sc']);
  });

  it('finds 北京 alone as the municipality', () => {
    expect(ids('北京加快建设')).toEqual(['beijing']);
  });

  it('matches Traditional text against Simplified names and returns original offsets', () => {
    const text = '加速北京懷柔綜合性國家科學中心建設';
    const [m] = matchPlaces(matcher, text);
    expect(m.placeId).toBe('huairou-sc');
    expect(text.slice(m.start, m.end)).toBe('北京懷柔綜合性國家科學中心');
  });

  it('matches a Traditional alias as written in the gazetteer', () => {
    expect(ids('豐台區聚焦軌道交通')).toEqual(['fengtai']);
  });

  it('expands a group term to its members, noting the group', () => {
    const ms = matchPlaces(matcher, '加快建設“三城一區”主平臺');
    expect(ms.map((m) => [m.placeId, m.via])).toEqual([
      ['zgc-sc', '三城一区'], ['huairou-sc', '三城一区'], ['future-sc', '三城一区'], ['bda', '三城一区'],
    ]);
  });

  it('matches across a pinyin gloss', () => {
    const text = '懷柔科學(xué)城';
    const [m] = matchPlaces(matcher, text);
    expect([m.placeId, m.start, m.end]).toEqual(['huairou-sc', 0, text.length]);
  });

  it('reports places in order of appearance', () => {
    expect(ids('亦庄、怀柔科学城和海淀')).toEqual(['bda', 'huairou-sc', 'haidian']);
  });
});
