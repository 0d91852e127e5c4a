import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sentenceIndex, type IndexFile, type IndexedSentence } from '../../../src/pipeline/sentence-index.ts';
import { normalise } from '../../../src/app/features/search/search-model.ts';
import { gramShard, keyBigrams } from '../../../src/app/features/search/sentence-search.ts';

const FOLD: Record<string, string> = { 學: '学', 園: '园', 區: '区', 國: '国', 實: '实', 驗: '验', 創: '创', 新: '新' };
const fold = (s: string) => Array.from(s, (c) => FOLD[c] ?? c).join('');

const fact = (id: string, doc: string, text: string, places: string[]): IndexedSentence => ({
  id,
  doc,
  text,
  places: places.map((p) => ({ id: p })),
});

const CORPUS: IndexedSentence[] = [
  fact('a-1', 'a', '中关村科技园区是北京的创新高地。', ['zgc']),
  fact('a-2', 'a', '本段没有地点。', []),
  fact('a-3', 'a', '懷柔科學城建設國家實驗室。', ['huairou', 'lab']),
  fact('b-1', 'b', 'Over 100 5G base stations opened in Yizhuang.', ['yizhuang']),
  fact('b-2', 'b', '发展科技，建设技园区。', ['haidian']),
  fact('b-3', 'b', '𠀀字与𪚥字都在扩展区。', ['dongcheng']),
  fact('c-1', 'c', '   ', []),
  fact('c-2', 'c', '昌平實驗室 Lab  Opening', ['changping']),
];
const WITH_PLACES = CORPUS.filter((f) => f.places.length > 0);

const byPath = (files: IndexFile[]) => new Map(files.map((f) => [f.path, f.data]));
const metaOf = (files: IndexFile[]) => JSON.parse(byPath(files).get('search/meta.json')!);

/** gram → decoded ordinals, over every shard the meta names. */
function decodeShards(files: IndexFile[]): Map<string, { shard: number; ordinals: number[] }> {
  const meta = metaOf(files);
  const data = byPath(files);
  const out = new Map<string, { shard: number; ordinals: number[] }>();
  (meta.grams as string[]).forEach((path, shard) => {
    const obj = JSON.parse(data.get(path)!) as Record<string, number[]>;
    for (const [gram, deltas] of Object.entries(obj)) {
      expect(out.has(gram)).toBe(false);
      let at = 0;
      const ordinals = deltas.map((d, i) => (at = i === 0 ? d : at + d));
      out.set(gram, { shard, ordinals });
    }
  });
  return out;
}

function texts(files: IndexFile[]): Array<[string, string, string, string[]]> {
  const meta = metaOf(files);
  const data = byPath(files);
  return (meta.texts as string[]).flatMap((p) => JSON.parse(data.get(p)!).items);
}

describe('sentenceIndex', () => {
  it('is deterministic: the same input gives byte-identical files', () => {
    const a = sentenceIndex(CORPUS, fold);
    const b = sentenceIndex(CORPUS.map((f) => ({ ...f, places: f.places.map((p) => ({ ...p })) })), fold);
    expect(b).toEqual(a);
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    // Compact JSON, no whitespace between tokens.
    for (const f of a) expect(f.data).toBe(JSON.stringify(JSON.parse(f.data)));
  });

  it('indexes only facts with places, in input order, with ordinals 0..n-1', () => {
    const files = sentenceIndex(CORPUS, fold);
    const meta = metaOf(files);
    expect(meta.count).toBe(WITH_PLACES.length);
    expect(texts(files)).toEqual(WITH_PLACES.map((f) => [f.id, f.doc, f.text, f.places.map((p) => p.id)]));
    // Nothing from the place-less sentence is posted: its unique bigram 没有 is absent.
    const grams = decodeShards(files);
    expect(grams.has('没有')).toBe(false);
    for (const { ordinals } of grams.values()) for (const o of ordinals) expect(o).toBeLessThan(WITH_PLACES.length);
  });

  it('every bigram of every indexed sentence finds it, and every posting is a real bigram of its sentence', () => {
    for (const opts of [{}, { gramShards: 3, textChunk: 2 }, { gramShards: 1, textChunk: 1 }]) {
      const files = sentenceIndex(CORPUS, fold, opts);
      const meta = metaOf(files);
      const grams = decodeShards(files);
      const keys = WITH_PLACES.map((f) => normalise(fold(f.text)));
      keys.forEach((key, ordinal) => {
        const bigrams = keyBigrams(key);
        for (const g of bigrams) {
          const entry = grams.get(g);
          expect(entry, `${g} of sentence ${ordinal}`).toBeDefined();
          expect(entry!.shard).toBe(gramShard(g, meta.gramShards));
          expect(entry!.ordinals).toContain(ordinal);
        }
      });
      for (const [g, { ordinals }] of grams) {
        // Ascending, no repeats, and each posting is a sentence whose key has the bigram.
        for (let i = 1; i < ordinals.length; i++) expect(ordinals[i]).toBeGreaterThan(ordinals[i - 1]);
        for (const o of ordinals) expect(keyBigrams(keys[o])).toContain(g);
        expect(Array.from(g)).toHaveLength(2);
      }
    }
  });

  it('keys are folded and normalised; bigrams are by code point (an astral character is not split)', () => {
    const grams = decodeShards(sentenceIndex(CORPUS, fold));
    expect(grams.get('学城')?.ordinals).toEqual([1]); // 懷柔科學城 folded
    expect(grams.has('學城')).toBe(false);
    expect(grams.get('5g')?.ordinals).toEqual([2]); // lower-cased
    expect(grams.get('b ')?.ordinals).toEqual([5]); // "Lab  Opening": whitespace collapsed
    expect(grams.has('  ')).toBe(false);
    expect(grams.get('𠀀字')?.ordinals).toEqual([4]);
    expect(grams.get('与𪚥')?.ordinals).toEqual([4]);
    for (const g of grams.keys()) expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(g)).toBe(false);
  });

  it('cuts shards and chunks at their boundaries (textChunk 2, gramShards 3)', () => {
    const files = sentenceIndex(CORPUS, fold, { gramShards: 3, textChunk: 2 });
    const meta = metaOf(files);
    expect(meta).toMatchObject({ version: 1, count: 6, gramShards: 3, textChunk: 2 });
    expect(meta.grams).toHaveLength(3);
    expect(meta.texts).toHaveLength(3);
    const data = byPath(files);
    const chunks = (meta.texts as string[]).map((p) => JSON.parse(data.get(p)!));
    expect(chunks.map((c) => c.first)).toEqual([0, 2, 4]);
    expect(chunks.map((c) => c.items.map((i: string[]) => i[0]))).toEqual([
      ['a-1', 'a-3'],
      ['b-1', 'b-2'],
      ['b-3', 'c-2'],
    ]);
    meta.grams.forEach((p: string, i: number) => expect(p).toMatch(new RegExp(`^search/g${i}-[0-9a-f]{8}\\.json$`)));
    meta.texts.forEach((p: string, i: number) => expect(p).toMatch(new RegExp(`^search/t${i}-[0-9a-f]{8}\\.json$`)));

    // An exact multiple of the chunk size makes no empty chunk; the last chunk may be short.
    expect(metaOf(sentenceIndex(WITH_PLACES.slice(0, 4), fold, { textChunk: 2 })).texts).toHaveLength(2);
    const five = sentenceIndex(WITH_PLACES.slice(0, 5), fold, { textChunk: 2 });
    expect(JSON.parse(byPath(five).get(metaOf(five).texts[2])!).items).toHaveLength(1);

    // Every shard has a file, even an empty one; no sentences → no chunks.
    const none = sentenceIndex([fact('x', 'x', '无地点', [])], fold, { gramShards: 3 });
    expect(metaOf(none)).toMatchObject({ count: 0, grams: expect.any(Array), texts: [] });
    expect(metaOf(none).grams).toHaveLength(3);
    for (const p of metaOf(none).grams) expect(byPath(none).get(p)).toBe('{}');
  });

  it('the default is 32 shards of grams and 512 sentences a chunk', () => {
    const many = Array.from({ length: 1100 }, (_, i) => fact(`f${i}`, 'd', `第${i}句，科技园区`, ['p']));
    const meta = metaOf(sentenceIndex(many, fold));
    expect(meta).toMatchObject({ count: 1100, gramShards: 32, textChunk: 512 });
    expect(meta.grams).toHaveLength(32);
    expect(meta.texts).toHaveLength(3);
  });

  it('names carry the hash of their content: changed content, changed name; the rest unchanged', () => {
    const opts = { gramShards: 3, textChunk: 2 };
    const before = sentenceIndex(CORPUS, fold, opts);
    for (const f of before) {
      if (f.path === 'search/meta.json') continue;
      const hash = createHash('sha256').update(f.data, 'utf8').digest('hex').slice(0, 8);
      expect(f.path.endsWith(`-${hash}.json`)).toBe(true);
    }
    // Change the text of ordinal 2 (chunk 1) by one character that adds a new bigram.
    const changed = CORPUS.map((f) => (f.id === 'b-1' ? { ...f, text: f.text.replace('Yizhuang', 'Yizhuang!') } : f));
    const after = sentenceIndex(changed, fold, opts);
    const [m0, m1] = [metaOf(before), metaOf(after)];
    expect(m1.texts[0]).toBe(m0.texts[0]);
    expect(m1.texts[1]).not.toBe(m0.texts[1]);
    expect(m1.texts[2]).toBe(m0.texts[2]);
    const shardOfNew = gramShard('g!', 3);
    expect(m1.grams[shardOfNew]).not.toBe(m0.grams[shardOfNew]);
    // A place change alone changes the chunk too (the chunk carries place ids).
    const moved = CORPUS.map((f) => (f.id === 'a-1' ? { ...f, places: [{ id: 'elsewhere' }] } : f));
    const m2 = metaOf(sentenceIndex(moved, fold, opts));
    expect(m2.texts[0]).not.toBe(m0.texts[0]);
    expect(m2.grams).toEqual(m0.grams);
  });

  it('meta lists exactly the files written, once each, and is written last', () => {
    for (const opts of [{}, { gramShards: 3, textChunk: 2 }, { gramShards: 7, textChunk: 1 }]) {
      const files = sentenceIndex(CORPUS, fold, opts);
      const meta = metaOf(files);
      expect(files[files.length - 1].path).toBe('search/meta.json');
      const written = files.map((f) => f.path).filter((p) => p !== 'search/meta.json');
      const listed = [...meta.grams, ...meta.texts];
      expect(new Set(written).size).toBe(written.length);
      expect([...written].sort()).toEqual([...listed].sort());
      expect(Object.keys(meta).sort()).toEqual(['count', 'gramShards', 'grams', 'textChunk', 'texts', 'version']);
    }
  });

  it('rejects a shard count or chunk size that is not a whole number of at least 1', () => {
    expect(() => sentenceIndex(CORPUS, fold, { gramShards: 0 })).toThrow(/gramShards/);
    expect(() => sentenceIndex(CORPUS, fold, { textChunk: 1.5 })).toThrow(/textChunk/);
  });
});
