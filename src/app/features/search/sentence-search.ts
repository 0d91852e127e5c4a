/**
 * Sentence search over the prebuilt, sharded index the pipeline writes to search/ (see
 * src/pipeline/sentence-index.ts): a query loads meta.json, then only the gram shards of its own
 * bigrams, intersects their posting lists, and loads only the text chunks of the candidates it
 * checks. No DOM use: the caller supplies the fetch (wrapping fetchDataFile) and the fold.
 * What the index and the query must agree on (the key, its bigrams, their shard) is in
 * src/search-key.ts, shared with the pipeline.
 */
import { type Fold } from './search-model.ts';
import { gramShard, keyBigrams, normalise, SEARCH_INDEX_VERSION, SEARCH_META_PATH } from '../../../search-key.ts';

export { gramShard, keyBigrams, SEARCH_INDEX_VERSION, SEARCH_META_PATH };

export interface SentenceHit {
  id: string;
  doc: string;
  text: string;
  placeIds: string[];
}

export interface SentenceSearch {
  /**
   * Up to `limit` sentences whose key contains the query's key, in document order; with `accept`,
   * only sentences of the documents it accepts (a document filter).
   */
  query(q: string, limit: number, accept?: (doc: string) => boolean): Promise<SentenceHit[]>;
}

/** A search file that is not what the index writes; the message names the file. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

interface Meta {
  count: number;
  gramShards: number;
  textChunk: number;
  grams: string[];
  texts: string[];
}

/**
 * A decoded shard: every posting list in one flat array (a Map of ~200k small typed arrays would
 * cost several times the memory); `slot` gives a bigram's index, its list is postings[starts[i], starts[i + 1]).
 */
interface Shard {
  slot: Map<string, number>;
  starts: Int32Array;
  postings: Int32Array;
}

const EMPTY = new Int32Array(0);

function postingsOf(shard: Shard, gram: string): Int32Array {
  const i = shard.slot.get(gram);
  return i === undefined ? EMPTY : shard.postings.subarray(shard.starts[i], shard.starts[i + 1]);
}

interface Chunk {
  first: number;
  items: SentenceHit[];
  /** normalise(fold(text)) per item, computed on first use, for the fold in keyFold. */
  keys: Array<string | undefined>;
  keyFold: Fold | undefined;
}

const FILE_NAME = /^search\/[A-Za-z0-9._-]+\.json$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

function parseMeta(raw: unknown, path: string): Meta {
  const bad = (reason: string) => new SearchIndexError(path, reason);
  if (!isRecord(raw) || raw.version !== SEARCH_INDEX_VERSION) throw bad(`not a search index (expected version ${SEARCH_INDEX_VERSION})`);
  const { count, gramShards, textChunk, grams, texts } = raw;
  if (!isCount(count, 0)) throw bad('"count" is not a whole number');
  if (!isCount(gramShards, 1)) throw bad('"gramShards" is not a whole number of at least 1');
  if (!isCount(textChunk, 1)) throw bad('"textChunk" is not a whole number of at least 1');
  const names = (v: unknown, n: number): v is string[] =>
    Array.isArray(v) && v.length === n && v.every((s) => typeof s === 'string' && FILE_NAME.test(s) && !s.includes('..'));
  if (!names(grams, gramShards)) throw bad(`"grams" is not a list of ${gramShards} file names under search/`);
  const chunks = Math.ceil(count / textChunk);
  if (!names(texts, chunks)) throw bad(`"texts" is not a list of ${chunks} file names under search/`);
  return { count, gramShards, textChunk, grams, texts };
}

/** `{ gram: [first ordinal, delta, delta, ...] }` → ascending ordinals per gram. */
function parseShard(raw: unknown, path: string, count: number): Shard {
  if (!isRecord(raw)) throw new SearchIndexError(path, 'not a gram shard (expected an object of posting lists)');
  const grams = Object.keys(raw);
  const bad = (gram: string) =>
    new SearchIndexError(path, `the posting list of ${JSON.stringify(gram)} is not a list of ascending sentence numbers below ${count}`);
  let total = 0;
  for (const gram of grams) {
    const list = raw[gram];
    if (!Array.isArray(list) || list.length === 0) throw bad(gram);
    total += list.length;
  }
  const slot = new Map<string, number>();
  const starts = new Int32Array(grams.length + 1);
  const postings = new Int32Array(total);
  let n = 0;
  grams.forEach((gram, g) => {
    const list = raw[gram] as unknown[];
    slot.set(gram, g);
    starts[g] = n;
    let at = -1;
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      if (!isCount(d, i === 0 ? 0 : 1)) throw bad(gram);
      at += i === 0 ? d + 1 : d;
      if (at >= count) throw bad(gram);
      postings[n++] = at;
    }
  });
  starts[grams.length] = n;
  return { slot, starts, postings };
}

/** `{ first, items: [[id, doc, text, [placeId, ...]], ...] }`, checked against the meta. */
function parseChunk(raw: unknown, path: string, index: number, meta: Meta): Chunk {
  const first = index * meta.textChunk;
  const n = Math.min(meta.textChunk, meta.count - first);
  if (!isRecord(raw) || raw.first !== first || !Array.isArray(raw.items) || raw.items.length !== n) {
    throw new SearchIndexError(path, `not a text chunk (expected sentences ${first}–${first + n - 1})`);
  }
  const items = raw.items.map((item: unknown, i): SentenceHit => {
    const ok =
      Array.isArray(item) &&
      item.length === 4 &&
      typeof item[0] === 'string' &&
      typeof item[1] === 'string' &&
      typeof item[2] === 'string' &&
      Array.isArray(item[3]) &&
      (item[3] as unknown[]).every((p) => typeof p === 'string');
    if (!ok) throw new SearchIndexError(path, `sentence ${first + i} is not [id, doc, text, [placeId, ...]]`);
    const [id, doc, text, placeIds] = item as [string, string, string, string[]];
    return { id, doc, text, placeIds };
  });
  return { first, items, keys: new Array<string | undefined>(n), keyFold: undefined };
}

/** Ascending ∩ ascending; `a` is the shorter. Gallops through `b` when it is much longer. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  if (b.length > 16 * a.length) {
    let lo = 0;
    for (let i = 0; i < a.length && lo < b.length; i++) {
      const x = a[i];
      let step = 1;
      let hi = lo;
      while (hi < b.length && b[hi] < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > b.length) hi = b.length;
      // b[lo - 1] < x (or lo = start); the first b >= x is in [lo, hi].
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo < b.length && b[lo] === x) out[n++] = x;
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
  }
  return out.subarray(0, n);
}

/**
 * `fetchJson(path)` fetches a file relative to the data folder. Every file is fetched at most once
 * (a failed one is forgotten, so the next query tries again); shards are kept decoded.
 * `fold()` is the current Traditional→Simplified fold (identity until the converter is in).
 */
export function sentenceSearch(fetchJson: (path: string) => Promise<unknown>, fold: () => Fold): SentenceSearch {
  const metas = new Map<0, Promise<Meta>>();
  const shards = new Map<number, Promise<Shard>>();
  const chunks = new Map<number, Promise<Chunk>>();

  /** Fetches and decodes once; a rejection is forgotten so a later call fetches again. */
  function once<K, V>(cache: Map<K, Promise<V>>, key: K, path: string, decode: (raw: unknown) => V): Promise<V> {
    let p = cache.get(key);
    if (!p) {
      const made = Promise.resolve()
        .then(() => fetchJson(path))
        .then(decode);
      made.catch(() => {
        if (cache.get(key) === made) cache.delete(key);
      });
      cache.set(key, made);
      p = made;
    }
    return p;
  }

  const loadMeta = () => once(metas, 0, SEARCH_META_PATH, (raw) => parseMeta(raw, SEARCH_META_PATH));
  const loadShard = (m: Meta, i: number) => once(shards, i, m.grams[i], (raw) => parseShard(raw, m.grams[i], m.count));
  const loadChunk = (m: Meta, i: number) => once(chunks, i, m.texts[i], (raw) => parseChunk(raw, m.texts[i], i, m));

  return {
    async query(q, limit, accept) {
      const f = fold();
      const key = normalise(f(q));
      const grams = keyBigrams(key);
      if (grams.length === 0 || !(limit >= 1)) return [];
      const m = await loadMeta();
      if (m.count === 0) return [];

      const shardIds = [...new Set(grams.map((g) => gramShard(g, m.gramShards)))];
      const loaded = new Map<number, Shard>();
      await Promise.all(shardIds.map(async (i) => loaded.set(i, await loadShard(m, i))));
      const lists = grams.map((g) => postingsOf(loaded.get(gramShard(g, m.gramShards))!, g));
      lists.sort((a, b) => a.length - b.length);
      let candidates = lists[0];
      for (let i = 1; i < lists.length && candidates.length > 0; i++) candidates = intersect(candidates, lists[i]);

      // Bigram AND can over-match (科技…技园 for 科技园): check each candidate's text, in order,
      // loading only the chunks of the candidates looked at, a batch of chunks at a time.
      const hits: SentenceHit[] = [];
      let next = 0;
      while (next < candidates.length && hits.length < limit) {
        const batch = candidates.subarray(next, next + (limit - hits.length));
        next += batch.length;
        const chunkIds = [...new Set(Array.from(batch, (o) => Math.floor(o / m.textChunk)))];
        const got = new Map<number, Chunk>();
        await Promise.all(chunkIds.map(async (i) => got.set(i, await loadChunk(m, i))));
        for (const o of batch) {
          const chunk = got.get(Math.floor(o / m.textChunk))!;
          if (chunk.keyFold !== f) {
            chunk.keys = new Array<string | undefined>(chunk.items.length);
            chunk.keyFold = f;
          }
          const at = o - chunk.first;
          const item = chunk.items[at];
          const k = (chunk.keys[at] ??= normalise(f(item.text)));
          if (k.includes(key) && (!accept || accept(item.doc))) hits.push({ ...item, placeIds: [...item.placeIds] });
        }
      }
      return hits;
    },
  };
}
