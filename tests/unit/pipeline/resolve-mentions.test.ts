import { describe, expect, it } from 'vitest';
import { resolveMentions } from '../../../src/pipeline/resolve-mentions.ts';
import { readFileSync } from 'node:fs';
import { parseDivisions } from '../../../src/pipeline/divisions.ts';
import { findMentions } from '../../../src/pipeline/find-mentions.ts';
import { buildNameIndex } from '../../../src/pipeline/name-index.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import { jiebaTagger, wordStarts } from '../../../src/pipeline/segment-words.ts';
import { gazetteer, label, mentionsOf, resolveDoc } from './fixture-index.ts';

describe('resolveMentions: a qualifier before the name', () => {
  it('takes 长春市朝阳区 as 长春’s district, even in a document about Beijing', () => {
    expect(resolveDoc([['海淀区和朝阳区加快发展。', '长春市朝阳区也在发展。']])).toEqual([
      ['海淀区→haidian', '朝阳区→chaoyang'],
      ['长春市→长春市@2201', '朝阳区→朝阳区@220104'],
    ]);
  });

  it('follows a chain of qualifiers (江苏南通通州区)', () => {
    expect(resolveDoc([['江苏南通通州区的企业']])[0]).toEqual(['江苏→江苏省@32', '南通→南通市@3206', '通州区→通州区@320612']);
  });

  it('leaves a Beijing name out when a qualifier puts it elsewhere (合肥经开区), keeps it where it says Beijing (北京经开区)', () => {
    expect(resolveDoc([['合肥经开区和北京经开区']])[0]).toEqual(['合肥→hefei', '经开区→null', '北京经开区→bda']);
  });

  it('takes a Beijing name followed by another city and more of a compound as that city’s thing (北京大学深圳医院)', () => {
    expect(resolveDoc([['北京大学深圳医院开诊。']])[0]).toEqual(['北京大学→null', '深圳→深圳市@4403']);
    expect(resolveDoc([['北京大学、深圳市的高校']])[0]).toEqual(['北京大学→pku', '深圳市→深圳市@4403']);
  });

  it('keeps a Beijing place qualified by another Beijing place as Beijing’s (a campus)', () => {
    expect(resolveDoc([['怀柔科学城中关村国家实验室']])[0]).toEqual(['怀柔科学城→huairou-sc', '中关村国家实验室→zgc-lab']);
  });
});

describe('resolveMentions: the document’s scope', () => {
  it('does not put a page about 吉林 and 长春 on Beijing’s 朝阳区', () => {
    const out = resolveDoc([['吉林省长春市科技创新大会召开。'], ['朝阳区加快建设科技企业孵化器。']]);
    expect(out[1]).toEqual(['朝阳区→朝阳区@220104']);
  });

  it('puts 朝阳区 on Beijing in a document about Beijing', () => {
    expect(resolveDoc([['海淀区、丰台区加快发展。'], ['朝阳区聚焦人工智能。']])[1]).toEqual(['朝阳区→chaoyang']);
  });

  it('leaves a name with several candidates and no evidence unresolved', () => {
    expect(resolveDoc([['朝阳区召开会议。']])[0]).toEqual(['朝阳区→null']);
  });

  it('counts a generic Beijing name only where the text is about Beijing (经开区 in a page about 合肥)', () => {
    expect(resolveDoc([['合肥市科技局发布通知。'], ['经开区加快发展。']])[1]).toEqual(['经开区→null']);
    expect(resolveDoc([['海淀区科委发布通知。'], ['经开区加快发展。']])[1]).toEqual(['经开区→bda']);
  });

  it('gives a generic name no Beijing meaning on a page that names no place of Beijing’s at all', () => {
    expect(resolveDoc([['经开区加快发展。']])[0]).toEqual(['经开区→null']);
  });

  it('counts a generic Beijing name in a Beijing paragraph that also names a neighbour', () => {
    const out = resolveDoc([['海淀区、丰台区发布通知。'], ['海淀区与三河市合作，经开区也参与。']]);
    expect(out[1]).toEqual(['海淀区→haidian', '三河市→三河市@131082', '经开区→bda']);
  });

  it('does not let a county’s short form that is a word (资源 of 资源县) vote for its province', () => {
    const out = resolveDoc([['资源丰富。'], ['海淀区的经开区加快发展。']]);
    expect(out[1]).toEqual(['海淀区→haidian', '经开区→bda']);
  });
});

describe('resolveMentions: a Beijing name on a page about somewhere else', () => {
  it('drops a Beijing name that only itself speaks for Beijing, on a page two names put elsewhere (东城区 on a page about 东莞)', () => {
    const out = resolveDoc([['广东省东莞市东城区召开会议。'], ['东城区建起了商圈。'], ['东莞的企业很多。']]);
    expect(out[1]).toEqual(['东城区→null']);
  });

  it('keeps it where its sentence names Beijing too, or where the page names Beijing as often', () => {
    expect(resolveDoc([['广东省东莞市召开会议。'], ['北京东城区建起了商圈。']])[1]).toEqual(['北京→beijing', '东城区→dongcheng']);
    expect(resolveDoc([['广东省东莞市召开会议。'], ['海淀区和房山区建起了商圈。']])[1]).toEqual(['海淀区→haidian', '房山区→fangshan']);
  });
});

describe('resolveMentions: a Beijing town’s name', () => {
  it('counts only on a page that names Beijing above town level (天竺 in a text on Buddhism and 洛阳 is India)', () => {
    expect(resolveDoc([['河南省洛阳市的白马寺。'], ['郎中蔡愔等往天竺寻访佛法。']])[1]).toEqual(['天竺→null']);
    expect(resolveDoc([['顺义区的天竺综合保税区。'], ['天竺的企业很多。']])[1]).toEqual(['天竺→天竺地区@110113']);
  });

  it('counts where two or more of them stand together and nowhere else is named more (上地, 望京)', () => {
    expect(resolveDoc([['上地和望京是科技企业的聚集地。']])[0]).toEqual(['上地→上地街道@110108', '望京→望京街道@110105']);
  });
});

describe('resolveMentions: a name inside a person’s name', () => {
  it('takes the bare name for the person in the same document (海淀 of a 李海淀)', () => {
    const sentences = [{ paragraph: 0, ...mentionsOf('丰台区的学者说，海淀是干了件大事。') }];
    const out = resolveMentions(sentences, new Set(['海淀'])).sentences[0].map((r) => `${r.mention.alias}→${label(r.referent)}:${r.why}`);
    expect(out).toEqual(['丰台区→fengtai:only', '海淀→null:person']);
  });
});

describe('resolveMentions: towns', () => {
  it('takes a Beijing town by its short form in a Beijing document (良乡)', () => {
    expect(resolveDoc([['房山区加快发展。', '良乡的高校聚集。']])[1]).toEqual(['良乡→良乡地区@110111']);
  });

  it('prefers the province to a town’s short form (河北), unless the town’s county is named nearby', () => {
    expect(resolveDoc([['海淀区与河北合作。']])[0]).toEqual(['海淀区→haidian', '河北→hebei']);
    expect(resolveDoc([['房山区的河北镇和良乡。', '河北的小米。']])[1]).toEqual(['河北→河北镇@110111']);
  });

  it('takes 东升 as Beijing’s town in a document about Beijing, as 黑龙江’s in one about 黑龙江', () => {
    expect(resolveDoc([['海淀区东升的园区。']])[0]).toEqual(['海淀区→haidian', '东升→东升地区@110108']);
    expect(resolveDoc([['黑龙江省的东升很美。']])[0]).toEqual(['黑龙江省→黑龙江省@23', '东升→东升镇@230722']);
  });
});

describe('resolveMentions: a province’s name that a street elsewhere shares (北京 of 广州’s 北京街道)', () => {
  it('votes for the province, so a page naming only 北京 is about Beijing', () => {
    const sentences = [{ paragraph: 0, ...mentionsOf('北京的科技企业越来越多。') }];
    expect(resolveMentions(sentences).aboutBeijing).toBe(true);
  });

  it('says nothing as one item of a list of provinces (来自河北、北京、广东等地)', () => {
    expect(resolveDoc([['北京的演员唱起京东大鼓。']])[0]).toEqual(['北京→beijing', '京东→jd']);
    expect(resolveDoc([['来自河北、北京、广东等地的演员唱起京东大鼓。']])[0]).toEqual(['河北→hebei', '北京→beijing', '广东→广东省@44', '京东→null']);
  });

  it('speaks for the document only: in its sentence it is a distance or a comparison, not a scope', () => {
    const out = resolveDoc([['合肥市的科技企业很多，合肥市的高校也多。'], ['从北京来的专家参观了经开区。']]);
    expect(out[1]).toEqual(['北京→beijing', '经开区→null']);
  });

  it('does not vote when the text names the county of the town it could be (房山区的河北镇 … 河北的小米)', () => {
    expect(resolveDoc([['房山区的河北镇和良乡。', '河北的小米。']])[1]).toEqual(['河北→河北镇@110111']);
  });
});

describe('resolveMentions: a Beijing 地区 written as the township it was', () => {
  it('takes 东升镇 on a Beijing page as 海淀’s 东升地区, not 黑龙江’s 东升镇', () => {
    expect(resolveDoc([['海淀区的科技园很多。', '东升镇现有企业近4000家。']])[1]).toEqual(['东升镇→东升地区@110108']);
    expect(resolveDoc([['黑龙江省的东升镇。']])[0]).toEqual(['黑龙江省→黑龙江省@23', '东升镇→东升镇@230722']);
  });
});

describe('resolveMentions: one place, named fully and by a town’s name', () => {
  it('takes 亦庄 as the zone the page names in full, on a page naming Taiwan more often than Beijing', () => {
    const out = resolveDoc([['台湾青年交流团走进北京经济技术开发区和海淀区。'], ['台湾青年们在亦庄体验无人驾驶。', '一位台中的同学说。']]);
    expect(out[1][1]).toBe('亦庄→bda');
  });

  it('leaves 亦庄 unresolved on such a page when the zone is not named in full', () => {
    const out = resolveDoc([['台湾青年交流团走进海淀区和丰台区。'], ['台湾青年们在亦庄体验无人驾驶。', '一位台中的同学说。']]);
    expect(out[1][1]).toBe('亦庄→null');
  });
});

describe('buildNameIndex: a town-level name holding the name of a bigger Beijing unit', () => {
  it('is no weak town name (北京经济技术开发区, listed as a town-level unit, holds 北京), while 亦庄 is', () => {
    const raw = JSON.parse(readFileSync(new URL('../../fixtures/pipeline/divisions.json', import.meta.url), 'utf8'));
    raw.towns.push(['110115', '北京经济技术开发区']);
    const idx = buildNameIndex(gazetteer, parseDivisions(raw));
    const townFlags = (text: string) => {
      const norm = normaliseKey(text);
      const words = jiebaTagger(norm.key).map((w) => w.word);
      return findMentions(idx, text, norm, wordStarts(words, norm.key)).map((m) => m.referents.some((r) => r.type === 'place' && r.town === true));
    };
    expect(townFlags('走进北京经济技术开发区')).toEqual([false]);
    expect(townFlags('走进亦庄')).toEqual([true]);
  });
});
