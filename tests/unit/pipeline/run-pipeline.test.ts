import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simplify } from '../../../src/pipeline/normalise-key.ts';
import { hostsSite, placeReading, runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import type { TopicLexicon } from '../../../src/pipeline/tag-topics.ts';
import type { Gazetteer, ManifestEntry } from '../../../src/types.ts';
import gazetteer from '../../fixtures/pipeline/gazetteer.json';
import topics from '../../fixtures/pipeline/topics.json';
import { divisions } from './fixture-index.ts';

const FILE = 'huairou-yizhuang-trad.txt';
const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/pipeline/${FILE}`, import.meta.url)));
const text = new TextDecoder().decode(bytes);
const run = (manifest: ManifestEntry[] = [], docs = [{ file: FILE, bytes }]) =>
  runPipeline({ documents: docs, manifest, gazetteer: gazetteer as Gazetteer, divisions, topics: topics as TopicLexicon });
const placesOf = (out: ReturnType<typeof run>, start: string) => {
  const f = out.facts.find((x) => x.text.startsWith(start));
  return f ? f.places.map((p) => `${p.id}:${p.how}`) : null;
};

describe('runPipeline on an unlisted Traditional-Chinese page', () => {
  const out = run();

  it('finds the body by the heuristic and takes the headline for the title', () => {
    expect(out.documents[0]).toMatchObject({
      id: 'huairou-yizhuang-trad', bodySource: 'heuristic', script: 'zhHant', title: '懷柔科學城加快建設重大科技基礎設施集群',
    });
  });

  it('assigns the science city explicitly and to the following sentences by context', () => {
    expect(placesOf(out, '懷柔科學城聚焦')).toEqual(['huairou-sc:explicit']);
    expect(placesOf(out, '目前已建設29個')).toEqual(['huairou-sc:context']);
    expect(placesOf(out, '科學家在這裡')).toEqual(['huairou-sc:context']);
  });

  it('assigns 亦莊 and the development area to the same place, without context from another paragraph', () => {
    expect(placesOf(out, '亦莊將發揮')).toEqual(['bda:explicit']);
    expect(placesOf(out, '北京經濟技術開發區去年')).toEqual(['bda:explicit']);
    expect(placesOf(out, '朝陽區的企業')).toEqual(['chaoyang:explicit', 'beijing:explicit']);
  });

  it('reads the cue words of a story in either script: 我國 turns a Traditional story to the country', () => {
    const story = '突破懷柔科學城。\n科研人員在這裡日夜工作，調試設備。\n我國科技實力不斷增強，創新能力持續提升。\n他們每天都在忙碌，記錄數據。';
    const doc = { file: 'story-trad.txt', bytes: new TextEncoder().encode(story) };
    const told = run([], [doc]);
    expect(placesOf(told, '科研人員在這裡')).toEqual(['huairou-sc:context']);
    expect(placesOf(told, '我國科技實力')).toBeNull();
    expect(placesOf(told, '他們每天')).toBeNull();
  });

  it('takes nothing from the menu or the related-news list', () => {
    expect(out.facts.some((f) => f.text.includes('懷柔區舉辦') || f.text.includes('首頁'))).toBe(false);
  });

  it('gives every fact exactly the text at its offsets', () => {
    for (const f of out.facts) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('extracts figures with document offsets', () => {
    const f = out.facts.find((x) => x.text.startsWith('北京經濟技術開發區去年'))!;
    expect(f.figures.map((g) => [g.text, g.value, g.unit, text.slice(g.start, g.end)])).toEqual([['4000億元', 4000, '亿元', '4000億元']]);
    expect(f.topics).toContain('metrics');
  });

  it('counts facts per place and ranks role sentences', () => {
    const p = out.places.find((x) => x.id === 'huairou-sc')!;
    expect(p.factCount).toBe(4);
    expect(out.facts.find((f) => f.id === p.role[0].fact)!.text).toMatch(/^懷柔科學城聚焦/);
  });

  it('is deterministic and keeps fact ids when a sentence is inserted elsewhere', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(out));
    const edited = text.replace('朝陽區的企業', '海淀區新增一句話，內容與其他段落無關。朝陽區的企業');
    const again = run([], [{ file: FILE, bytes: new TextEncoder().encode(edited) }]);
    const id = (o: typeof out) => o.facts.find((f) => f.text.startsWith('懷柔科學城聚焦'))!.id;
    expect(id(again)).toBe(id(out));
  });

  it('uses the manifest body and metadata when the document is listed', () => {
    const entry: ManifestEntry = {
      file: FILE, id: 'hy', title: 'T', publisher: 'P', date: '2021-03-01', script: 'zhHant',
      body: { startsWith: '亦莊將發揮', endsWith: '4000億元。' },
    };
    const listed = run([entry]);
    expect(listed.documents[0]).toMatchObject({ id: 'hy', title: 'T', bodySource: 'manifest' });
    expect(listed.facts.map((f) => f.text)).toEqual(['亦莊將發揮産業主陣地作用，重點發展積體電路和新能源汽車産業。', '北京經濟技術開發區去年實現工業總産值4000億元。']);
  });

  it('rejects a manifest entry for a missing file and duplicate document ids', () => {
    const entry = (file: string, id: string): ManifestEntry => ({
      file, id, title: '', publisher: '', date: '', script: 'zhHans', body: { startsWith: '亦', endsWith: '。' },
    });
    expect(() => run([entry('nope.txt', 'x')])).toThrow(/missing file: nope\.txt/);
    expect(() => run([entry(FILE, 'b')], [{ file: FILE, bytes }, { file: 'b.txt', bytes }])).toThrow(/duplicate document id/);
  });

  it('gives an empty document zero facts', () => {
    const empty = run([], [{ file: 'empty.txt', bytes: new Uint8Array() }]);
    expect(empty.facts).toEqual([]);
    expect(empty.documents[0].length).toBe(0);
  });
});

describe('hostsSite', () => {
  const after = (text: string, name: string) => hostsSite(simplify(text), text.indexOf(name) + name.length);
  it('finds a name at the front of a site the gazetteer lacks, in either script', () => {
    expect(after('位于海淀区的中关村西三旗(金隅)科技园内绿意盎然。', '中关村')).toBe(true);
    expect(after('1月6日,中关村创业大街南口。', '中关村')).toBe(true);
    expect(after('北京市海澱區溫泉鎮中關村創客小鎮會議室。', '中關村')).toBe(true);
  });
  it('finds none where the name is followed by anything else', () => {
    expect(after('对此，北京中关村的很多企业深有体会。', '中关村')).toBe(false);
    expect(after('中关村企业总收入增长。', '中关村')).toBe(false);
    expect(after('海淀区和朝阳区。', '海淀区')).toBe(false);
  });
});

describe('placeReading', () => {
  const g = gazetteer as Gazetteer;
  const read = placeReading(g);

  it('reads what lies in what up the district and parent links, at any depth, and nothing else', () => {
    expect(read.within('huairou-lab', 'huairou')).toBe(true);
    expect(read.within('huairou', 'huairou-lab')).toBe(false);
    expect(read.within('huairou-lab', 'haidian')).toBe(false);
    // A parent's district: a lab in a science city lies in the science city's district too.
    const nested = placeReading({ ...g, places: [...g.places, { ...g.places.find((p) => p.id === 'huairou-lab')!, id: 'lab-in-sc', district: undefined, parent: 'huairou-sc' }] });
    expect(nested.within('lab-in-sc', 'huairou-sc')).toBe(true);
    expect(nested.within('lab-in-sc', 'huairou')).toBe(true);
  });

  it('does not loop on a cycle of parents', () => {
    const places = g.places.map((p) => (p.id === 'bda' ? { ...p, parent: 'future-sc' } : p.id === 'future-sc' ? { ...p, parent: 'bda' } : p));
    expect(placeReading({ ...g, places }).within('bda', 'haidian')).toBe(false);
  });

  it('calls the municipality, a province and an unknown id too broad to lend, and reads kinds', () => {
    expect(['beijing', 'tianjin', 'nowhere', 'huairou'].map(read.isBroad)).toEqual([true, true, true, false]);
    expect(['beijing', 'huairou'].map(read.isWhole)).toEqual([true, false]);
    expect(['huairou-sc', 'jd', 'zgc-demo'].map(read.isScene)).toEqual([true, false, false]);
    expect(['huairou', 'huairou-sc'].map(read.isAddress)).toEqual([true, false]);
    expect(['pku', 'zgc-lab', 'huairou-sc'].map(read.isInstitution)).toEqual([true, true, false]);
  });
});
