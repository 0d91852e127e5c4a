/**
 * Invented documents whose names collide with Beijing's, run through the whole pipeline with the
 * real gazetteer and the real national table: none may put a fact on a Beijing place.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadInputs } from '../../../src/pipeline/cli.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

const { input } = loadInputs({ ...DEFAULTS, seeds: new URL('../../fixtures/pipeline/', import.meta.url).pathname });
const regionOf = (() => {
  const byId = new Map(input.gazetteer.places.map((p) => [p.id, p]));
  return (id: string) => {
    const p = byId.get(id);
    return p?.kind === 'jjj-node' || p?.kind === 'national-node' || p?.kind === 'foreign' || id === 'ustc' ? 'elsewhere' : 'beijing';
  };
})();
const run = (text: string) =>
  runPipeline({
    ...input,
    documents: [{ file: 'doc.txt', bytes: new TextEncoder().encode(text) }],
    manifest: [{ file: 'doc.txt', id: 'doc', title: 't', publisher: 'p', date: '2025', script: 'zhHans', body: { startsWith: text.slice(0, 4), endsWith: text.slice(-4) } }],
  });
const beijingFacts = (text: string) =>
  run(text).facts.flatMap((f) => f.places.filter((p) => regionOf(p.id) === 'beijing' && p.id !== 'beijing').map((p) => `${f.text.slice(0, 8)}→${p.id}`));
const placesOf = (text: string) => run(text).facts.map((f) => f.places.map((p) => `${p.id}:${p.how}${p.via ? `(${p.via})` : ''}`).join(' '));

describe('documents about other places that share a Beijing name', () => {
  it('another city’s 朝阳区', () => {
    expect(beijingFacts('吉林省长春市朝阳区召开科技工作会议。\n朝阳区将建设科技创新城，打造人工智能产业园。\n区内企业超过三百家。')).toEqual([]);
  });

  it('another city’s 通州区, and its 滨海新区', () => {
    expect(beijingFacts('江苏南通市通州区加快建设高新区。\n通州区的家纺产业集聚。\n南通滨海新区也在招商。')).toEqual([]);
  });

  it('a name that contains a Beijing one: 大兴安岭, 京东方', () => {
    expect(beijingFacts('大兴安岭地区位于黑龙江省北部。\n京东方科技集团在成都建设生产线。')).toEqual([]);
  });

  it('another city’s 经开区, 综合保税区 and 自由贸易试验区', () => {
    expect(beijingFacts('河南省开封市经开区获批综合保税区。\n中国（河南）自由贸易试验区开封片区发展迅速。\n经开区管委会表示将继续招商。')).toEqual([]);
  });

  it('another city’s 未来科技城, and a park elsewhere named after 中关村', () => {
    expect(beijingFacts('浙江杭州未来科技城聚集了大量人才。\n未来科技城位于余杭区。')).toEqual([]);
    expect(beijingFacts('贵州省贵阳市的中关村贵阳科技园加快发展。\n贵阳高新区是园区的核心。')).toEqual([]);
  });

  it('a university of the same name in Taiwan', () => {
    expect(beijingFacts('台湾新竹的清华大学是一所研究型大学。\n清华大学校园里有成功湖。')).toEqual([]);
  });

  it('idioms and words that equal an alias: 朝阳行业, 怀柔政策, 大厂', () => {
    expect(beijingFacts('互联网曾是朝阳行业。\n历史上的怀柔政策。\n大厂裁员潮来了。')).toEqual([]);
  });

  it('a street and a bridge named after Beijing places', () => {
    expect(beijingFacts('广州北京路步行街人流如织。\n南京北京东路的老店。')).toEqual([]);
  });
});

describe('documents about Beijing, written the way pages are', () => {
  it('finds the district of a town the gazetteer lacks, and the parks by their written variants', () => {
    expect(placesOf('良乡大学城加快建设。\n丰台科技园区和昌平科技园区协同发展。')).toEqual([
      'fangshan:explicit(良乡)',
      'zgc-fengtai-park:explicit zgc-changping-park:explicit',
    ]);
  });

  it('reads a word the segmenter keeps whole that is made of names (上海浦东新区) as those names', () => {
    expect(placesOf('北京海淀区与上海浦东新区合作。')).toEqual(['beijing:explicit haidian:explicit shanghai:explicit']);
  });
});
