import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalise } from '../../../src/app/features/search/search-model.ts';
import { gramShard, keyBigrams, sentenceSearch, type SentenceHit } from '../../../src/app/features/search/sentence-search.ts';
import { sentenceIndex, type IndexFile, type IndexedSentence } from '../../../src/pipeline/sentence-index.ts';

// Traditional → Simplified, character by character (stands in for OpenCC's tw → cn).
const T2S: Record<string, string> = { 學: '学', 園: '园', 區: '区', 國: '国', 實: '实', 驗: '验', 懷: '怀', 電: '电', 積: '积', 體: '体' };
const S2T = Object.fromEntries(Object.entries(T2S).map(([t, s]) => [s, t]));
const fold = (s: string) => Array.from(s, (c) => T2S[c] ?? c).join('');
const identity = (s: string) => s;

const fact = (id: string, doc: string, text: string, places: string[]): IndexedSentence => ({
  id,
  doc,
  text,
  places: places.map((p) => ({ id: p })),
});

const HAND: IndexedSentence[] = [
  fact('h-0', 'h', '发展科技，建设技园区。', ['haidian']), // 科技 and 技园, but not 科技园
  fact('h-1', 'h', '中关村科技园区是北京的创新高地。', ['zgc']),
  fact('h-2', 'h', '本段没有地点，也提到科技园。', []),
  fact('h-3', 'h', '懷柔科學城建設國家實驗室。', ['huairou', 'lab']),
  fact('h-4', 'h', 'Over 100 5G base stations opened in Yizhuang.', ['yizhuang']),
  fact('h-5', 'h', '𠀀字与𪚥字都在扩展区，𠀀𠀀相连。', ['dongcheng']),
  fact('h-6', 'h', '亦莊的集成電路產業園區。', ['yizhuang']),
  fact('h-7', 'h', '未来科学城和怀柔科学城。', ['changping', 'huairou']),
  fact('h-8', 'h', 'BASE  Stations for 5G: 集成电路', ['chaoyang']),
];

const FRAGMENTS = ['科技', '技园', '园区', '中关村', '學園', '学园', '人工智能', '量子', '5G', ' base ', '𠀀', '集成電路', '国家实验室', '，', '生物医药', '怀柔'];
/** A deterministic pseudo-random corpus built from overlapping fragments (many near misses). */
function generated(n: number): IndexedSentence[] {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    const len = 2 + Math.floor(rand() * 6);
    const text = Array.from({ length: len }, () => FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]).join('');
    return fact(`g-${i}`, `d${Math.floor(i / 7)}`, text, rand() < 0.15 ? [] : [`p${i % 5}`]);
  });
}

const CORPUS = [...HAND, ...generated(120)];

const hit = (f: IndexedSentence): SentenceHit => ({ id: f.id, doc: f.doc, text: f.text, placeIds: f.places.map((p) => p.id) });

/** The reference: a scan of every sentence with a place. */
function brute(corpus: readonly IndexedSentence[], f: (s: string) => string, q: string, limit: number): SentenceHit[] {
  const key = normalise(f(q));
  if (Array.from(key).length < 2) return [];
  return corpus
    .filter((s) => s.places.length > 0 && normalise(f(s.text)).includes(key))
    .slice(0, limit)
    .map(hit);
}

/** Serves the index files from memory and records each fetch. */
function serve(files: IndexFile[]) {
  const data = new Map(files.map((f) => [f.path, f.data]));
  const fetched: string[] = [];
  const failNext = new Set<string>();
  const fetchJson = async (path: string): Promise<unknown> => {
    fetched.push(path);
    await Promise.resolve();
    if (failNext.delete(path)) throw new Error(`${path}: network down`);
    const d = data.get(path);
    if (d === undefined) throw new Error(`${path}: HTTP 404`);
    return JSON.parse(d);
  };
  const meta = JSON.parse(data.get('search/meta.json')!) as { grams: string[]; texts: string[]; gramShards: number; textChunk: number };
  const count = (path: string) => fetched.filter((p) => p === path).length;
  return { data, fetched, failNext, fetchJson, meta, count };
}

function setup(corpus = CORPUS, opts: { gramShards?: number; textChunk?: number } = { gramShards: 5, textChunk: 4 }) {
  const server = serve(sentenceIndex(corpus, fold, opts));
  let current = fold;
  const search = sentenceSearch(server.fetchJson, () => current);
  return { ...server, search, setFold: (f: (s: string) => string) => (current = f) };
}

const QUERIES = [
  '科技园',
  '科技',
  '技园',
  '學園',
  '学园',
  '园区',
  '懷柔科學城',
  '怀柔科学城',
  '国家实验室',
  '國家實驗室',
  '集成电路',
  '集成電路',
  '5G base stations',
  '5g BASE',
  'base  stations',
  ' STATIONS ',
  '𠀀字',
  '𠀀𠀀',
  '字与𪚥',
  '人工智能量子',
  '量子5g',
  '，建设',
  '不存在的词',
  'zz',
  '中关村科技园区是北京的创新高地。',
];

describe('sentenceSearch', () => {
  it('gives what a full scan gives, first `limit` in document order', async () => {
    for (const opts of [{ gramShards: 5, textChunk: 4 }, {}, { gramShards: 1, textChunk: 1 }]) {
      const { search } = setup(CORPUS, opts);
      for (const q of QUERIES) {
        for (const limit of [1, 3, 12, 1000]) {
          expect(await search.query(q, limit), `${q} / ${limit}`).toEqual(brute(CORPUS, fold, q, limit));
        }
      }
    }
    // The hand-written cases, spelled out.
    const { search } = setup();
    expect((await search.query('BASE stations', 10)).map((h) => h.id)).toEqual(['h-4', 'h-8']);
    expect((await search.query('懷柔科学城', 10)).map((h) => h.id).slice(0, 2)).toEqual(['h-3', 'h-7']);
    expect((await search.query('𠀀字', 10)).map((h) => h.id)[0]).toBe('h-5');
    expect(await search.query('集成電路', 2)).toEqual([hit(HAND[6]), hit(HAND[8])]);
  });

  it('matches a full scan for random substrings of the corpus (property)', async () => {
    const { search } = setup();
    const indexed = CORPUS.filter((f) => f.places.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: CORPUS.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        fc.boolean(),
        async (which, start, len, limit, traditional, upper) => {
          const cps = Array.from(CORPUS[which].text);
          const from = start % cps.length;
          let q = cps.slice(from, from + len).join('');
          if (traditional) q = Array.from(q, (c) => S2T[c] ?? c).join('');
          if (upper) q = q.toUpperCase();
          const got = await search.query(q, limit);
          expect(got).toEqual(brute(CORPUS, fold, q, limit));
          // A substring of an indexed sentence always finds something (when it has a bigram).
          if (CORPUS[which].places.length > 0 && Array.from(normalise(fold(q))).length >= 2) expect(got.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
    expect(indexed.length).toBeGreaterThan(100);
  });

  it('matches a full scan for random strings over the corpus alphabet (near misses)', async () => {
    const { search } = setup();
    const alphabet = [...new Set(CORPUS.flatMap((f) => Array.from(f.text)))];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 5 }), fc.integer({ min: 1, max: 20 }), async (chars, limit) => {
        const q = chars.join('');
        expect(await search.query(q, limit)).toEqual(brute(CORPUS, fold, q, limit));
      }),
      { numRuns: 400 },
    );
  });

  it('a query of fewer than 2 characters after normalising fetches nothing', async () => {
    const { search, fetched } = setup();
    for (const q of ['', ' ', '科', ' G ', '𠀀', '  a\n', '\t\t']) expect(await search.query(q, 10)).toEqual([]);
    expect(fetched).toEqual([]);
    expect(await search.query('科技', 0)).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('loads only the gram shards of the query’s bigrams, and only the text chunks it checks', async () => {
    const { search, fetched, meta } = setup(CORPUS, {}); // 32 shards
    const q = '人工智能';
    expect(await search.query(q, 1)).toHaveLength(1);
    const bigrams = keyBigrams(normalise(fold(q)));
    const needed = new Set(bigrams.map((g) => meta.grams[gramShard(g, meta.gramShards)]));
    expect(needed.size).toBeGreaterThan(1);
    expect(needed.size).toBeLessThan(meta.gramShards);
    expect(fetched[0]).toBe('search/meta.json');
    expect(new Set(fetched.filter((p) => p.startsWith('search/g')))).toEqual(needed);
    // limit 1: just the chunk of the first hit.
    const first = CORPUS.filter((f) => f.places.length > 0).findIndex((f) => normalise(fold(f.text)).includes(normalise(q)));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(fetched.filter((p) => p.startsWith('search/t'))).toEqual([meta.texts[Math.floor(first / meta.textChunk)]]);
  });

  it('fetches each file at most once, also for concurrent queries, and keeps shards decoded', async () => {
    const { search, fetched, fetchJson } = setup();
    const raws: unknown[] = [];
    const recording = sentenceSearch(async (p) => {
      const r = await fetchJson(p);
      raws.push(r);
      return r;
    }, () => fold);
    await Promise.all(QUERIES.map((q) => search.query(q, 1000)));
    for (const q of QUERIES) await search.query(q, 1000);
    expect(new Set(fetched).size).toBe(fetched.length);

    // Decoded once: spoiling the raw objects after loading does not change the next answers.
    const before = await recording.query('科技园', 1000);
    expect(before.length).toBeGreaterThan(0);
    for (const r of raws) for (const k of Object.keys(r as object)) delete (r as Record<string, unknown>)[k];
    expect(await recording.query('科技园', 1000)).toEqual(before);
  });

  it('rejects bigram false positives (科技…技园 is not 科技园) and does not count them toward the limit', async () => {
    const corpus = [
      fact('fp', 'd', '发展科技，建设技园区。', ['a']),
      fact('fp2', 'd', '技园在前，科技在后。', ['a']),
      fact('ok', 'd', '中关村科技园区。', ['b']),
      fact('ok2', 'd', '另一个科技园。', ['b']),
    ];
    const { search, meta, fetched } = setup(corpus, { gramShards: 3, textChunk: 1 });
    expect(await search.query('科技园', 1)).toEqual([hit(corpus[2])]);
    // The false positives were candidates (their chunks were read) but are not hits.
    expect(fetched.filter((p) => p.startsWith('search/t'))).toEqual(meta.texts.slice(0, 3));
    expect((await search.query('科技园', 10)).map((h) => h.id)).toEqual(['ok', 'ok2']);
    expect(await search.query('技园在前，科技', 10)).toEqual([hit(corpus[1])]);
  });

  it('folds the query with the fold current at query time', async () => {
    const { search, setFold } = setup();
    setFold(identity);
    // Before the converter is in, a Traditional query cannot match the (folded) index,
    // and a Traditional sentence is not matched by its Simplified spelling.
    expect(await search.query('懷柔科學城', 10)).toEqual([]);
    const early = (await search.query('怀柔科学城', 10)).map((h) => h.id);
    expect(early).not.toContain('h-3');
    setFold(fold);
    const late = (await search.query('怀柔科学城', 10)).map((h) => h.id);
    expect(late).toContain('h-3');
    expect(await search.query('懷柔科學城', 10)).toEqual(brute(CORPUS, fold, '怀柔科学城', 10));
  });

  it('returns copies: changing a hit does not change the next answer', async () => {
    const { search } = setup();
    const [a] = await search.query('科技园', 1);
    a.placeIds.push('x');
    a.text = 'changed';
    expect((await search.query('科技园', 1))[0]).toEqual(brute(CORPUS, fold, '科技园', 1)[0]);
  });

  describe('malformed files give an error that names the file', () => {
    async function failure(patch: (s: ReturnType<typeof setup>) => void, q = '科技园'): Promise<Error> {
      const s = setup();
      patch(s);
      const err = await s.search.query(q, 10).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(TypeError);
      return err as Error;
    }

    it('meta', async () => {
      for (const bad of ['null', '[]', '"x"', '{"version":2}', '{}']) {
        const e = await failure((s) => s.data.set('search/meta.json', bad));
        expect(e.message).toBe('search/meta.json: not a search index (expected version 1)');
      }
      const meta = (s: ReturnType<typeof setup>) => JSON.parse(s.data.get('search/meta.json')!);
      const cases: Array<[(m: Record<string, unknown>) => void, RegExp]> = [
        [(m) => (m.count = -1), /"count"/],
        [(m) => (m.count = '6'), /"count"/],
        [(m) => (m.gramShards = 0), /"gramShards"/],
        [(m) => (m.textChunk = null), /"textChunk"/],
        [(m) => (m.grams = (m.grams as string[]).slice(1)), /"grams"/],
        [(m) => (m.grams = 'search/g0.json'), /"grams"/],
        [(m) => ((m.grams as unknown[])[0] = 7), /"grams"/],
        [(m) => ((m.grams as unknown[])[0] = 'search/../../secret.json'), /"grams"/],
        [(m) => (m.texts = (m.texts as string[]).concat('search/t99-00000000.json')), /"texts"/],
      ];
      for (const [change, message] of cases) {
        const e = await failure((s) => {
          const m = meta(s);
          change(m);
          s.data.set('search/meta.json', JSON.stringify(m));
        });
        expect(e.message).toMatch(/^search\/meta\.json: /);
        expect(e.message).toMatch(message);
      }
    });

    it('gram shard', async () => {
      for (const bad of ['null', '[1,2]', '{"科技":"x"}', '{"科技":[]}', '{"科技":[3,0]}', '{"科技":[-1]}', '{"科技":[1.5]}', '{"科技":[99999]}', '{"科技":[null]}']) {
        let names: string[] = [];
        const e = await failure((s) => {
          names = s.meta.grams;
          for (const p of names) s.data.set(p, bad);
        });
        expect(names.some((p) => e.message.startsWith(`${p}: `)), `${bad}: ${e.message}`).toBe(true);
      }
    });

    it('text chunk', async () => {
      const bads = ['null', '{"first":999,"items":[]}', '{"first":0,"items":{}}', '{"first":0}'];
      for (const bad of bads) {
        let names: string[] = [];
        const e = await failure((s) => {
          names = s.meta.texts;
          for (const p of names) s.data.set(p, bad);
        });
        expect(names.some((p) => e.message.startsWith(`${p}: not a text chunk`)), `${bad}: ${e.message}`).toBe(true);
      }
      const e = await failure((s) => {
        for (const p of s.meta.texts) {
          const c = JSON.parse(s.data.get(p)!);
          c.items = c.items.map((i: unknown[]) => [i[0], i[1], 42, i[3]]);
          s.data.set(p, JSON.stringify(c));
        }
      });
      expect(e.message).toMatch(/^search\/t\d+-[0-9a-f]{8}\.json: sentence \d+ is not \[id, doc, text, \[placeId, \.\.\.\]\]$/);
    });
  });

  it('a failed fetch is forgotten: the error reaches the caller and the next query fetches again', async () => {
    const s = setup();
    const q = '科技园';
    const expected = brute(CORPUS, fold, q, 10);

    s.failNext.add('search/meta.json');
    await expect(s.search.query(q, 10)).rejects.toThrow('search/meta.json: network down');
    expect(await s.search.query(q, 10)).toEqual(expected);
    expect(s.count('search/meta.json')).toBe(2);

    const s2 = setup();
    const shard = s2.meta.grams[gramShard('科技', s2.meta.gramShards)];
    s2.failNext.add(shard);
    await expect(s2.search.query(q, 10)).rejects.toThrow(`${shard}: network down`);
    expect(await s2.search.query(q, 10)).toEqual(expected);
    expect(s2.count(shard)).toBe(2);
    expect(s2.count('search/meta.json')).toBe(1);

    const s3 = setup();
    const chunk = s3.meta.texts[0];
    s3.failNext.add(chunk);
    await expect(s3.search.query(q, 10)).rejects.toThrow(`${chunk}: network down`);
    expect(await s3.search.query(q, 10)).toEqual(expected);
    expect(s3.count(chunk)).toBe(2);
    for (const p of s3.meta.grams) expect(s3.count(p)).toBeLessThanOrEqual(1);

    // A malformed file is not kept either: once it is fixed, the next query reads it again.
    const s4 = setup();
    const good = s4.data.get('search/meta.json')!;
    s4.data.set('search/meta.json', '{"version":0}');
    await expect(s4.search.query(q, 10)).rejects.toThrow(/search\/meta\.json/);
    s4.data.set('search/meta.json', good);
    expect(await s4.search.query(q, 10)).toEqual(expected);
  });

  it('a fetch that throws synchronously is an error for the caller, not a crash', async () => {
    const search = sentenceSearch(() => {
      throw new Error('search/meta.json: blocked');
    }, () => fold);
    await expect(search.query('科技', 5)).rejects.toThrow('search/meta.json: blocked');
  });

  it('an empty index answers nothing', async () => {
    const { search } = setup([fact('x', 'd', '科技园没有地点', [])]);
    expect(await search.query('科技园', 5)).toEqual([]);
  });
});
