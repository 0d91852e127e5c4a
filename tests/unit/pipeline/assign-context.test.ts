import { describe, expect, it } from 'vitest';
import { addressChains, assignContext as assignLent, pageFocus, type ContextRules, type ContextSentence } from '../../../src/pipeline/assign-context.ts';

/** The lent places as ids, a group-lent one as `id~term`. */
const assignContext = (sentences: ContextSentence[], rules: ContextRules | ((id: string) => boolean)) =>
  assignLent(sentences, rules).map((lent) => lent.map((p) => (p.via ? `${p.id}~${p.via}` : p.id)));

const broad = (id: string) => id === 'beijing' || id === 'hebei';
/** A sentence: `[id@start]` pairs are explicit places; the text is padded to the given length. */
const s = (paragraph: number, text: string, ...places: Array<[string, number, string?]>): ContextSentence => ({
  text, heading: false, paragraph, places: places.map(([placeId, start, via]) => (via ? { placeId, start, via } : { placeId, start })),
});
const h = (paragraph: number, level: number, text: string, ...places: Array<[string, number, string?]>): ContextSentence => ({
  ...s(paragraph, text, ...places), heading: true, level,
});
const LONG = '这是一个不提任何地点但是足够长的句子，用来说明长句不会成为段落的主题句。';
/** Three numbered headings before the sentences: the text is a plan, with numbered sections. */
const PLAN = [h(-3, 2, '一、总体要求'), h(-2, 2, '二、重点任务'), h(-1, 2, '三、保障措施')];
const inPlan = (sentences: ContextSentence[], rules: Parameters<typeof assignContext>[1]) => assignContext([...PLAN, ...sentences], rules).slice(PLAN.length);

describe('assignContext', () => {
  it('in a plan, lends a short topic sentence place to the rest of its paragraph only', () => {
    const out = inPlan([s(0, '突破怀柔科学城。', ['hsc', 2]), s(0, LONG), s(0, LONG), s(1, LONG)], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], []]);
  });

  it('in a narrative, goes on with the story in the next paragraphs until the text turns to the general picture', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(1, LONG), s(2, LONG), s(3, '我国科技实力不断增强。'), s(4, LONG)], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], [], []]);
  });

  it('in a narrative, 世界级 or 全国首个 describes the scene; it is no turn to the world or the country', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(1, '多个世界级科技基础设施正悄然改变科研范式。'), s(2, '这里有全国首个开放的实验平台。'), s(3, '世界各国开始建设同步辐射装置。'), s(4, LONG)], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], [], []]);
  });

  it('in a narrative, turns to the general picture only where a paragraph opens on it, not in a quotation or further in', () => {
    const out = assignContext([
      s(0, '突破怀柔科学城。', ['hsc', 2]),
      s(1, '“二十年前，我们在这里种下第一棵树。”'),
      s(2, '已经在这里工作了二十年的老员工，至今还记得我们国家当时的样子。'),
      s(3, '如今，我国科技实力不断增强。'),
      s(4, LONG),
    ], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], [], []]);
  });

  it('in a narrative, an organisation named 中国… is no turn to the country', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(1, '中国科学院的研究人员在这里工作。'), s(2, '中国的科技实力不断增强。')], broad);
    expect(out).toEqual([[], ['hsc'], []]);
  });

  it("in a narrative, the opening sentences wait for the place the story turns out to be at (the last four)", () => {
    const opening = ['清晨，科研人员乘坐班车来到了实验室。', '车流涌动。', '大路径直。', '绿树成荫。', '楼宇有致。'].map((t, i) => s(i, t));
    const out = assignContext([...opening, s(5, '在怀柔科学城，一座座大国重器正在落成。', ['hsc', 1]), s(6, LONG)], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], ['hsc'], ['hsc'], [], ['hsc']]);
  });

  it('in a narrative, a subtitle the story goes on after takes the story; a footer after the last paragraph takes nothing', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(0, LONG), h(1, 6, '科技工作者越聚越多'), s(2, LONG), h(3, 6, '页脚')], broad);
    expect(out).toEqual([[], ['hsc'], ['hsc'], ['hsc'], []]);
  });

  it('in a narrative, a place named in passing leaves the story where it is; a place inside the scene brings the scene, not its district', () => {
    const rules: ContextRules = {
      isBroad: broad,
      isScene: (id) => id !== 'ccb',
      isAddress: (id) => id === 'haidian',
      within: (inner, outer) => (inner === 'lab' && (outer === 'dongsheng' || outer === 'haidian')) || (inner === 'dongsheng' && outer === 'haidian'),
    };
    const out = assignContext([
      s(0, '海淀区东升科技园里企业云集。', ['haidian', 0], ['dongsheng', 3]),
      s(1, `${LONG}建设银行为企业提供贷款。`, ['ccb', LONG.length]),
      s(2, LONG),
      s(3, '园区的联合实验室去年启用。', ['lab', 3]),
    ], rules);
    expect(out).toEqual([[], ['dongsheng'], ['dongsheng'], ['dongsheng']]);
  });

  it('lends the paragraph place even to a sentence naming another place, but not to one naming it', () => {
    const out = assignContext([s(0, '突破怀柔科学城。', ['hsc', 2]), s(0, '支持雁栖湖研究院发展。', ['bimsa', 2]), s(0, '入驻怀柔科学城。', ['hsc', 2])], broad);
    expect(out).toEqual([[], ['hsc'], []]);
  });

  it('in a plan, does not lend from a long lead sentence that merely mentions a place', () => {
    const out = inPlan([s(0, `会议指出${LONG}怀柔科学城`, ['hsc', 40]), s(0, LONG)], broad);
    expect(out).toEqual([[], []]);
  });

  it('in a story (no numbered sections), lends the one place a paragraph names, wherever it names it', () => {
    const out = assignContext([s(0, `会议指出${LONG}怀柔科学城`, ['hsc', 40]), s(0, LONG)], broad);
    expect(out).toEqual([[], ['hsc']]);
  });

  it('lends from a long lead sentence whose subject is its one place', () => {
    const out = assignContext([s(0, `亦庄${LONG}`, ['bda', 0]), s(0, LONG)], broad);
    expect(out).toEqual([[], ['bda']]);
  });

  it('never lends the municipality or a province', () => {
    const out = assignContext([h(0, 3, '北京市与河北', ['beijing', 0], ['hebei', 4]), s(1, '北京加快建设。', ['beijing', 0]), s(1, LONG)], broad);
    expect(out).toEqual([[], [], []]);
  });

  it('does not lend from a title heading that comes before any sentence', () => {
    expect(assignContext([h(0, 6, '怀柔科学城加快建设', ['hsc', 0]), s(1, LONG)], broad)).toEqual([[], []]);
  });

  it('lends a heading place until the next heading of the same level, through narrower ones', () => {
    const out = assignContext([s(0, LONG), h(0, 3, '（二）加速怀柔科学中心建设', ['ncsc', 5]), s(1, LONG), h(2, 5, '（1）设施'), s(3, LONG), h(4, 3, '（三）其他'), s(5, LONG)], broad);
    expect(out).toEqual([[], [], ['ncsc'], ['ncsc'], ['ncsc'], [], []]);
  });

  it('does not lend from a heading that names a group term', () => {
    const out = assignContext([h(0, 3, '（一）加快建设“三城一区”', ['zsc', 7, '三城一区'], ['hsc', 7, '三城一区']), s(1, LONG)], broad);
    expect(out).toEqual([[], []]);
  });

  it('lends a short group lead, together with the heading place', () => {
    const out = assignContext([
      s(0, LONG),
      h(0, 3, '（二）建设中关村示范区主阵地', ['nidz', 5]),
      s(1, '推动“一区多园”统筹协同发展。', ['p1', 3, '一区多园'], ['p2', 3, '一区多园']),
      s(1, LONG),
    ], broad);
    expect(out).toEqual([[], [], ['nidz'], ['nidz', 'p1~一区多园', 'p2~一区多园']]);
  });

  it('follows a subject chain inside a place paragraph', () => {
    const out = assignContext([
      s(0, '搞活未来科学城。', ['fsc', 2]),
      s(0, '“生命谷”布局前沿技术。', ['lv', 1]),
      s(0, '加快生命科学园三期建设。', ['lsp', 2]),
      s(0, '“能源谷”加快布局。', ['ev', 1]),
      s(0, LONG),
    ], broad);
    expect(out).toEqual([[], ['fsc'], ['fsc', 'lv'], ['fsc'], ['fsc', 'ev']]);
  });

  it('gives a subject sentence nothing from a multi-place lead', () => {
    const out = assignContext([
      s(0, '加强“三城一区”协同联动。', ['zsc', 3, '三城一区'], ['hsc', 3, '三城一区']),
      s(0, '东城区聚焦数字经济。', ['dongcheng', 0]),
      s(0, LONG),
    ], broad);
    expect(out).toEqual([[], [], ['dongcheng']]);
  });

  it('in a plan, starts no subject chain in a paragraph without a place lead', () => {
    const out = inPlan([s(0, LONG), s(0, '中关村示范区企业总收入增长80%。', ['nidz', 0]), s(0, LONG)], broad);
    expect(out).toEqual([[], [], []]);
  });

  it('in a story, lends a topic to one short scene-setting sentence before it', () => {
    const out = assignContext([s(0, '车流涌动，大路径直。'), s(0, '一路向南便到达亦庄。', ['bda', 7]), s(0, LONG)], broad);
    expect(out).toEqual([['bda'], [], ['bda']]);
  });
});

describe('assignContext: document structure', () => {
  const rules: ContextRules = {
    isBroad: (id) => id === 'beijing' || id === 'hebei' || id === 'tianjin',
    isWhole: (id) => id === 'beijing',
    within: (inner, outer) => (inner === 'tzpark' && outer === 'tongzhou') || (inner === 'tinavi' && outer === 'dongsheng'),
  };

  it('lends a group-term heading to the sentences under it that name no place, as the group', () => {
    const out = assignContext([s(0, LONG), h(1, 3, '（三）推进“两区”建设', ['ftz', 6, '两区'], ['open', 6, '两区']), s(2, LONG), s(3, '海淀区聚焦人工智能。', ['haidian', 0])], rules);
    expect(out).toEqual([[], [], ['ftz~两区', 'open~两区'], []]);
  });

  it('lends a group reached through a short lead even when its members are provinces', () => {
    const out = assignContext([s(0, '优化京津冀创新链布局。', ['tianjin', 2, '京津冀'], ['hebei', 2, '京津冀']), s(0, LONG)], rules);
    expect(out).toEqual([[], ['tianjin~京津冀', 'hebei~京津冀']]);
  });

  it('gives a sentence naming its own place only the lead places that contain it', () => {
    const out = assignContext([
      s(0, '推动通州区与北三县一体化发展。', ['tongzhou', 2], ['sanhe', 8, '北三县']),
      s(0, '支持中关村通州园做大做强。', ['tzpark', 2]),
      s(0, '鼓励北三县重点园区开展技术对接。', ['sanhe', 2, '北三县']),
      s(0, LONG),
    ], rules);
    expect(out).toEqual([[], ['tongzhou'], [], ['tongzhou', 'sanhe~北三县']]);
  });

  it('takes a first sentence naming one place near its start, with places inside it, as the paragraph topic', () => {
    const lead = `位于东升科学园内的“天智航”就是发榜企业之一，${LONG}`;
    const out = assignContext([s(0, lead, ['dongsheng', 2], ['tinavi', 11]), s(0, '“天智航”是一家科技企业。', ['tinavi', 1]), s(0, LONG)], rules);
    expect(out).toEqual([[], ['dongsheng'], ['dongsheng', 'tinavi']]);
  });

  it('carries a story into a paragraph that names no place but points back, not into a general one', () => {
    const out = assignContext([
      s(0, '突破怀柔科学城。', ['hsc', 2]),
      s(1, '在这座科学城里，科研人员忙着组装设备。'),
      s(2, '我国科技创新能力持续提升。'),
      s(3, '在这里，他们每天都在工作。'),
    ], rules);
    expect(out).toEqual([[], ['hsc'], [], []]);
  });

  it('ends the topic at a sentence about Beijing as a whole or about somewhere else', () => {
    const out = assignContext([
      s(0, '突破怀柔科学城。', ['hsc', 2]),
      s(0, '北京将加快建设国际科技创新中心。', ['beijing', 0]),
      { ...s(0, '长春市也在建设科技创新城。'), elsewhere: true },
      s(0, LONG),
    ], rules);
    expect(out).toEqual([[], [], [], ['hsc']]);
  });

  it('starts a new topic at an enumeration inside a paragraph', () => {
    const out = assignContext([s(0, '一是建设怀柔科学城。', ['hsc', 4]), s(0, LONG), s(0, '二是推动成果转化。'), s(0, LONG)], rules);
    expect(out).toEqual([[], ['hsc'], [], []]);
  });

  it('lends an interview question to the answers that name no place, unless it asks about Beijing as a whole', () => {
    const out = assignContext([
      s(0, '记者：“三城一区”的职责是什么？', ['zsc', 4, '三城一区'], ['hsc', 4, '三城一区']),
      s(1, '靳伟：围绕聚焦、突破，推进协同发展。'),
      s(2, '中关村一直是一面旗帜。', ['nidz', 0]),
      s(3, '记者：北京与上海相比有哪些优势？', ['beijing', 3], ['shanghai', 6]),
      s(4, '靳伟：我们有很多高校。'),
    ], rules);
    expect(out).toEqual([[], ['zsc~三城一区', 'hsc~三城一区'], [], [], []]);
  });
});

describe('assignContext: a story keeps its scene', () => {
  /** A sentence whose places carry their end offsets, found in the text by name. */
  const named = (paragraph: number, text: string, ...places: Array<[string, string]>): ContextSentence => ({
    text, heading: false, paragraph,
    places: places.map(([placeId, name]) => ({ placeId, start: text.indexOf(name), end: text.indexOf(name) + name.length })),
  });
  const KINDS: Record<string, string> = {
    haidian: 'district', shijingshan: 'district', daxing: 'district', hsc: 'science-city', dongsheng: 'park', base: 'park',
    bda: 'development-zone', iop: 'institute', heps: 'facility', beijing: 'municipality',
  };
  const rules: ContextRules = {
    isBroad: (id) => id === 'beijing',
    isWhole: (id) => id === 'beijing',
    isScene: (id) => KINDS[id] !== undefined && KINDS[id] !== 'municipality',
    isAddress: (id) => KINDS[id] === 'district',
    isInstitution: (id) => KINDS[id] === 'institute',
    within: (inner, outer) => (inner === 'dongsheng' && outer === 'haidian') || (inner === 'base' && outer === 'daxing'),
  };

  it('reads an address chain: a place named right after an area lies in it, in this document', () => {
    const sentences = [named(0, '作为北京怀柔科学城中科院物理研究所特聘研究员，他在做研究。', ['hsc', '怀柔科学城'], ['iop', '中科院物理研究所'])];
    expect([...addressChains(sentences, rules.isScene!, rules.within!)]).toEqual(['iop\u0000hsc']);
    // Apart, or with the institution first, they are two places, not an address.
    const apart = [named(0, '怀柔科学城与中科院物理研究所签约。', ['hsc', '怀柔科学城'], ['iop', '中科院物理研究所'])];
    expect([...addressChains(apart, rules.isScene!, rules.within!)]).toEqual([]);
  });

  it("lends a story's opening the institution and the science city its address puts it in", () => {
    const out = assignContext([
      named(0, '大年初二一大早，她乘坐班车来到了实验室。'),
      named(0, '作为北京怀柔科学城中科院物理研究所特聘研究员，她正争分夺秒进行电池研究。', ['hsc', '怀柔科学城'], ['iop', '中科院物理研究所']),
    ], rules);
    expect(out).toEqual([['hsc', 'iop'], []]);
  });

  it('keeps a story at its science city when a paragraph turns to an institution at work there', () => {
    const out = assignContext([
      named(0, '这些装置所在的地方，有一个响亮的名字——怀柔科学城。', ['hsc', '怀柔科学城']),
      named(1, '科技登峰，人才先行。'),
      named(1, '背后是中国科学院物理研究所的科研人员们踔厉拓荒。', ['iop', '中国科学院物理研究所']),
      named(2, LONG),
    ], rules);
    expect(out).toEqual([[], ['hsc'], ['hsc'], ['hsc']]);
  });

  it('keeps a story at its park when a paragraph names the town or district around it', () => {
    const out = assignContext([
      named(0, '这里是位于北京市海淀区的东升科技园。', ['haidian', '海淀区'], ['dongsheng', '东升科技园']),
      named(1, '曾经的东升是水土丰沃的良田，而如今，这里是培植科创产业的沃土。', ['haidian', '东升']),
      named(1, '一家家快速成长的企业，是这里创新活力涌动的最生动注解。'),
    ], rules);
    expect(out).toEqual([[], ['dongsheng'], ['dongsheng']]);
  });

  it('takes the one scene inside a district as the story of a paragraph that names both', () => {
    const out = assignContext([
      named(0, `${LONG}位于北京南部大兴区的生物医药基地为什么能聚集众多医药企业？`, ['daxing', '大兴区'], ['base', '生物医药基地']),
      named(0, '这要得益于这里的另一个优势，那就是制造优势。'),
      named(1, LONG),
    ], rules);
    expect(out).toEqual([[], ['base'], ['base']]);
  });

  it('takes no item of a list in a district as the scene of a paragraph that names both', () => {
    const out = assignContext([
      named(0, `${LONG}在大兴区，生物医药基地、智能制造园正在集聚。`, ['daxing', '大兴区'], ['base', '生物医药基地']),
      named(0, '这要得益于这里的另一个优势。'),
    ], rules);
    expect(out).toEqual([[], ['daxing']]);
  });

  it('keeps the district in a story at a site the gazetteer lacks, which a place of ours stands in for', () => {
    const zone: ContextRules = { ...rules, within: (inner, outer) => inner === 'nidz' && outer === 'haidian', isScene: (id) => id === 'nidz' || rules.isScene!(id) };
    const site = (host: boolean): ContextSentence => {
      const text = '阳春四月，位于海淀区的中关村西三旗科技园内绿意盎然。';
      return { text, heading: false, paragraph: 0, places: [
        { placeId: 'haidian', start: text.indexOf('海淀区'), end: text.indexOf('海淀区') + 3 },
        { placeId: 'nidz', start: text.indexOf('中关村'), end: text.indexOf('中关村') + 3, ...(host && { host: true }) },
      ] };
    };
    expect(assignContext([site(true), named(1, LONG)], zone)).toEqual([[], ['haidian', 'nidz']]);
    // A place named for itself is the story's most specific scene.
    expect(assignContext([site(false), named(1, LONG)], zone)).toEqual([[], ['nidz']]);
  });

  it('takes where a story arrives as its scene, whatever else the sentence names', () => {
    const out = assignContext([
      named(0, '台湾青年交流团（石景山分团）下午走进北京经济技术开发区，开启了科技探索之旅。', ['shijingshan', '石景山'], ['bda', '北京经济技术开发区']),
      named(1, LONG),
    ], rules);
    expect(out).toEqual([[], ['bda']]);
  });

  it('goes on with a story past a sentence naming another region, which itself takes nothing', () => {
    const out = assignContext([
      named(0, '突破怀柔科学城。', ['hsc', '怀柔科学城']),
      { ...named(1, '它的原材料是桑树的枝条，来自千里之外的广西。'), elsewhere: true },
      named(1, LONG),
    ], rules);
    expect(out).toEqual([[], [], ['hsc']]);
  });

  it("reads an answer by its question, not by the scenes its paragraph names", () => {
    const out = assignContext([
      named(0, '新京报：海淀产业空间方面现状如何？', ['haidian', '海淀']),
      named(1, '于军：在减量集约发展背景下，我们也在探索，如何平衡发展与减量的关系。'),
      named(1, '我们在规划中也充分考虑到产业空间的布局，比如东升科技园。', ['dongsheng', '东升科技园']),
    ], rules);
    expect(out).toEqual([[], ['haidian'], ['haidian']]);
  });

  it('takes no topic in a story from a company: what a bank does is not about a place', () => {
    const bank: ContextRules = { ...rules, isScene: (id) => id !== 'ccb' && rules.isScene!(id) };
    const out = assignContext([
      named(0, '当天，联盟成员还发布了首批重点应用场景。'),
      named(0, '中国建设银行发布了基于长安链的商银金服平台；', ['ccb', '中国建设银行']),
      named(0, '国家电网发布了碳交易应用场景。'),
    ], bank);
    expect(out).toEqual([[], [], []]);
  });

  it("keeps a story where it is past a photo's caption naming a place inside it", () => {
    const heps: ContextRules = { ...rules, within: (inner, outer) => inner === 'heps' && outer === 'hsc' };
    const out = assignContext([
      named(0, '这些装置所在的地方，有一个响亮的名字——怀柔科学城。', ['hsc', '怀柔科学城']),
      named(1, '高能同步辐射光源建设图。', ['heps', '高能同步辐射光源']),
      named(1, '张文超摄'),
      { ...named(2, '科技工作者越聚越多'), heading: true, level: 6 },
      named(3, LONG),
    ], heps);
    expect(out).toEqual([[], ['hsc'], [], ['hsc'], ['hsc']]);
  });

  it("lets no preface wait for the story once its signature (——编者) closes it", () => {
    const out = assignContext([
      named(0, '从本期起，推出系列报道。'),
      { ...named(1, '——编者'), heading: true, level: 6 },
      named(2, '突破怀柔科学城。', ['hsc', '怀柔科学城']),
      named(3, LONG),
    ], rules);
    expect(out).toEqual([[], [], [], ['hsc']]);
  });
  it("takes a sentence's subject as its topic though a group term is said of it (怀柔科学城，是…“三城一区”主平台之一)", () => {
    const text = '怀柔科学城，是北京建设科技创新中心的“三城一区”主平台之一。';
    const first = named(0, text, ['hsc', '怀柔科学城'], ['beijing', '北京']);
    first.places.push({ placeId: 'zsc', start: text.indexOf('三城一区'), end: text.indexOf('三城一区') + 4, via: '三城一区' });
    const out = assignContext([first, named(0, '这里汇集了一流的设施集群和实验室集群。'), named(1, LONG)], rules);
    expect(out).toEqual([[], ['hsc'], ['hsc']]);
  });

  it('lets sentences waiting for a story take nothing when what they lead to is Beijing as a whole', () => {
    const out = assignContext([
      named(0, '仲春时节，调研组穿行在古都。'),
      named(0, '创新头雁，还看首都北京！', ['beijing', '北京']),
      named(1, '东升科技园里企业云集。', ['dongsheng', '东升科技园']),
      named(2, LONG),
    ], rules);
    expect(out).toEqual([[], [], [], ['dongsheng']]);
  });

  it('takes a district as the topic of a sentence listing scenes in it (怀柔…金名片：怀柔科学城、国际会都…)', () => {
    const huairou: ContextRules = { ...rules, isScene: (id) => id === 'huairou' || rules.isScene!(id), isAddress: (id) => id === 'huairou', within: (inner, outer) => inner === 'hsc' && outer === 'huairou' };
    const out = assignContext([
      named(0, '怀柔近年来聚焦功能建设，全力打造四张金名片：怀柔科学城、国际会都、中国影都。', ['huairou', '怀柔'], ['hsc', '怀柔科学城']),
      named(1, LONG),
    ], huairou);
    expect(out).toEqual([[], ['huairou']]);
  });

  it('takes no scene from quoted speech: what a speaker names is talked about, not where the story is', () => {
    const out = assignContext([
      named(0, '昨天，书记来到代表团，与大家一起审议报告。'),
      named(1, '“要用新视角理解东升科技园，聚集力量建设园区。”', ['dongsheng', '东升科技园']),
      named(2, LONG),
    ], rules);
    expect(out).toEqual([[], [], []]);
  });
  it("lets a sentence naming only places no story happens at (从硅谷回国的王宁…) wait for the story, and a bracketed credit take nothing", () => {
    const valley: ContextRules = { ...rules, isScene: (id) => id !== 'valley' && rules.isScene!(id) };
    const out = assignContext([
      named(0, '从硅谷回国的王宁没想到，一个二维码会成为引路石。', ['valley', '硅谷']),
      named(1, '登录东升科技园服务大厅，他很快完成了注册。', ['dongsheng', '东升科技园']),
      named(2, '图注：服务大厅的服务窗口。'),
      named(3, '（杨波 摄）'),
      named(4, LONG),
    ], valley);
    expect(out).toEqual([['dongsheng'], [], ['dongsheng'], [], ['dongsheng']]);
  });
});

describe('assignContext: a page about one place', () => {
  // A story that the general picture breaks off: without a page focus, what follows takes nothing.
  const page = [
    s(0, '编者按：十年来，改革发展取得历史性成就。'),
    s(1, '亦庄的工厂里，机器人正在装配。', ['bda', 0]),
    s(2, '我国制造业正在转型升级。'),
    s(3, '二十年来，困境与考验面前，团队的身后总有人扶一把。'),
    s(4, '亦庄的企业越来越多。', ['bda', 0]),
    s(5, '亦庄的明天更美好。', ['bda', 0]),
    s(6, '新京报记者 王某 摄'),
  ];

  it('lends its focus to what names nothing and got no context, from its first naming on (not a preface before it, nor a credit)', () => {
    expect(assignContext(page, broad)).toEqual([[], [], [], ['bda'], [], [], []]);
  });

  it('has no focus when it moves between scenes', () => {
    const two = [...page.slice(0, 4), s(4, '怀柔科学城的装置越来越多。', ['hsc', 0]), s(5, '怀柔科学城的明天更美好。', ['hsc', 0]), s(6, '亦庄的明天更美好。', ['bda', 0])];
    expect(assignContext(two, broad)[3]).toEqual([]);
  });

  it('is no focus in a plan (numbered sections say what each part is about)', () => {
    expect(inPlan(page, broad)[3]).toEqual([]);
  });
});

describe('pageFocus', () => {
  const scene = (id: string) => id !== 'bank';
  const named = (...ids: string[]) => ids.map((id, i) => s(i, LONG, [id, 0]));

  it('is the scene named most often, at least three times and 70% of the scene names', () => {
    expect(pageFocus(named('bda', 'bda', 'bda', 'hsc'), scene)).toBe('bda');
    expect(pageFocus(named('bda', 'bda', 'hsc'), scene)).toBeNull();
    expect(pageFocus(named('bda', 'bda', 'bda', 'hsc', 'hsc'), scene)).toBeNull();
  });

  it('counts neither what is no scene nor what a group term names', () => {
    expect(pageFocus([...named('bda', 'bda', 'bda', 'bank', 'bank')], scene)).toBe('bda');
    const viaGroup = [s(0, LONG, ['bda', 0]), s(1, LONG, ['bda', 0]), s(2, LONG, ['bda', 0, '三城一区']), s(3, LONG, ['hsc', 0])];
    expect(pageFocus(viaGroup, scene)).toBeNull();
  });
});
