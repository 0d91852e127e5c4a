import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/pipeline/aho-corasick.ts';
import { findMentions } from '../../../src/pipeline/find-mentions.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import { buildNameIndex } from '../../../src/pipeline/name-index.ts';
import { jiebaTagger, wordStarts } from '../../../src/pipeline/segment-words.ts';
import type { Gazetteer } from '../../../src/types.ts';
import { divisions, gazetteer, index, label, mentionsOf } from './fixture-index.ts';

/** Each mention as `alias:candidates`. */
const found = (text: string) => mentionsOf(text).mentions.map((m) => `${m.alias}:${m.referents.map(label).join('|')}`);
const aliases = (text: string) => mentionsOf(text).mentions.map((m) => m.alias);
const words = (text: string) => jiebaTagger(text).map((w) => w.word);

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const hits = new AhoCorasick(['he', 'she', 'his', 'hers']).search('ushers');
    expect(hits.map((h) => [h.pattern, h.start, h.end])).toEqual([[1, 1, 4], [0, 2, 4], [3, 2, 6]]);
  });
});

describe('findMentions: candidates from the gazetteer and the national table', () => {
  it('gives a name every thing it could mean: Beijing’s 朝阳区 and 长春’s', () => {
    expect(found('朝阳区加快发展')).toEqual(['朝阳区:chaoyang|朝阳区@220104']);
  });

  it('reads 南口/北口 right after a street, gate or station as its entrance, not the town 南口', () => {
    const nankou = { id: 'nankou', names: { zhHans: '南口镇', zhHant: '南口鎮', en: 'Nankou' }, aliases: ['南口', '北口'], kind: 'town', geometry: { type: 'point', lon: 116.1, lat: 40.2 } };
    const withTown = buildNameIndex({ ...gazetteer, places: [...gazetteer.places, nankou] } as Gazetteer, divisions);
    const names = (text: string) => {
      const norm = normaliseKey(text);
      return findMentions(withTown, text, norm, wordStarts(jiebaTagger(norm.key).map((w) => w.word), norm.key)).map((m) => m.alias);
    };
    expect(names('中关村创业大街南口')).toEqual(['中关村']);
    expect(names('他从西直门北口出来')).toEqual([]);
    expect(names('南口镇的农民')).toEqual(['南口镇']);
    expect(names('来到南口')).toEqual(['南口']);
  });

  it('ends a name where the segmenter glued its last character to a localiser (首钢园内 → 首钢/园内)', () => {
    expect(words('位于石景山区首钢园内的中关村')).toContain('园内');
    const park = { id: 'shougang', names: { zhHans: '首钢园', zhHant: '首鋼園', en: 'Shougang Park' }, aliases: [], kind: 'park', geometry: { type: 'point', lon: 116.1, lat: 39.9 } };
    const withPark = buildNameIndex({ ...gazetteer, places: [...gazetteer.places, park] } as Gazetteer, divisions);
    const norm = normaliseKey('位于石景山区首钢园内的中关村');
    const found = findMentions(withPark, norm.key, norm, wordStarts(words(norm.key), norm.key));
    expect(found.map((m) => m.alias)).toContain('首钢园');
  });

  it('reads a district name before 分团/代表团 as a delegation, not the district', () => {
    expect(aliases('台湾青年交流团（海淀分团）下午走进亦庄')).not.toContain('海淀');
    expect(aliases('海淀区代表团审议报告')).not.toContain('海淀区');
    expect(aliases('海淀团代表多、规模大。')).not.toContain('海淀');
    expect(aliases('东升镇副镇长任一丁说。')).not.toContain('东升镇');
    expect(aliases('海淀企业多')).toContain('海淀');
  });

  it('reads a district name before 区委, 人民政府, 区长 … as an office or its holder, not the place', () => {
    expect(aliases('海淀区委书记对此进行了解读')).not.toContain('海淀区');
    expect(aliases('我代表海淀区人民政府向大会报告工作')).not.toContain('海淀区');
    expect(aliases('朝阳区人大常委会视察科技企业')).not.toContain('朝阳区');
    expect(aliases('海淀区区长介绍情况')).not.toContain('海淀区');
    expect(aliases('海淀区人民医院')).toContain('海淀区');
  });

  it('folds a division into the gazetteer place that is the same unit', () => {
    expect(found('海淀区')).toEqual(['海淀区:haidian']);
    expect(found('北京市')).toEqual(['北京市:beijing']);
  });

  it('takes the longest name where names overlap, 长春市 and 朝阳区 side by side', () => {
    expect(aliases('吉林省长春市朝阳区')).toEqual(['吉林省', '长春市', '朝阳区']);
    expect(found('大兴安岭地区')).toEqual(['大兴安岭地区:大兴安岭地区@2327']);
  });

  it('tells bare 中关村, 中关村科学城 and 中关村示范区 apart by the longest match', () => {
    expect(mentionsOf('中关村').mentions[0].referents.map(label)).toEqual(['zgc']);
    expect(found('中关村科学城')).toEqual(['中关村科学城:zgc-sc']);
    expect(found('中关村国家自主创新示范区')).toEqual(['中关村国家自主创新示范区:zgc-demo']);
  });

  it('matches Traditional text against Simplified names and returns original offsets', () => {
    const text = '加速北京懷柔綜合性國家科學中心建設';
    const [m] = mentionsOf(text).mentions;
    expect(m.referents.map(label)).toEqual(['huairou-sc']);
    expect(text.slice(m.start, m.end)).toBe('北京懷柔綜合性國家科學中心');
  });

  it('matches across a pinyin gloss', () => {
    const text = '懷柔科學(xué)城';
    const [m] = mentionsOf(text).mentions;
    expect([label(m.referents[0]), m.start, m.end]).toEqual(['huairou-sc', 0, text.length]);
  });

  it('keeps a group term as one mention of the group', () => {
    expect(found('加快建設“三城一區”主平臺')).toEqual(['三城一區:group:三城一区']);
  });

  it('reports names in order of appearance', () => {
    expect(aliases('亦庄、怀柔科学城和海淀')).toEqual(['亦庄', '怀柔科学城', '海淀']);
  });
});

describe('findMentions: what the text itself rules out', () => {
  it('drops a name that starts or ends inside a word (京东 in 京东方, 大兴 in 大兴安岭, 朝阳 in 朝阳产业)', () => {
    expect(aliases('京东方科技集团发布新品')).toEqual([]);
    expect(aliases('京东发布新品')).toEqual(['京东']);
    expect(aliases('大兴安岭的林业')).not.toContain('大兴');
    expect(aliases('朝阳产业蓬勃发展')).toEqual([]);
  });

  it('keeps a name that spans several words exactly (中关村|科学城)', () => {
    expect(aliases('海淀区中关村科学城建设')).toEqual(['海淀区', '中关村科学城']);
  });

  it('applies the gazetteer’s own rules (朝阳 in 保定市朝阳北大街)', () => {
    expect(aliases('保定市朝阳北大街的项目')).toEqual(['保定市']);
    expect(aliases('保定市朝阳北大街与朝阳合作')).toEqual(['保定市', '朝阳']);
  });

  it('drops a name followed by a street word (北京东路), but not by a word that only starts like one (路演)', () => {
    expect(aliases('南京北京东路的商店')).not.toContain('北京');
    expect(aliases('中关村路演中心')).toContain('中关村');
  });

  it('drops an organisation named after a place, and what lies inside its name (中关村科学城公司)', () => {
    expect(aliases('由中关村科学城公司投资建设')).toEqual([]);
    expect(aliases('京东集团总部')).toEqual(['京东集团']);
  });

  it('drops a group term that goes on as a longer list, not one followed by a word that starts with a numeral', () => {
    expect(aliases('形成了“三城一区一基地”的发展格局')).toEqual([]);
    expect(aliases('大力推进三城一区一体化发展')).toEqual(['三城一区']);
  });

  it('drops a bridge or a company named after a place, however many words stand between', () => {
    expect(aliases('从朝阳桥出发')).toEqual([]);
    expect(aliases('来自海淀奥威科技开发有限公司的专家')).toEqual([]);
    expect(aliases('海淀的科技公司')).toEqual(['海淀']);
  });

  it('passes the shared head of a coordination on to the name left without it', () => {
    expect(found('中关村和怀柔国家实验室具备条件')).toEqual(['中关村:zgc-lab', '怀柔国家实验室:huairou-lab']);
  });

  it('owes 京东方 to the segmenter: with every position a word start, 京东 would be found', () => {
    const norm = normaliseKey('京东方');
    const noBoundaries = new Uint8Array(norm.key.length + 1).fill(1);
    expect(findMentions(index, '京东方', norm, noBoundaries).map((m) => m.alias)).toEqual(['京东']);
  });
});
