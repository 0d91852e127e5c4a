/**
 * The prebuilt sentence search index (search/ in the data folder), so the app can search every
 * sentence of a large corpus without loading it: pure, the caller writes the files.
 *
 * - Each fact with at least one place gets an ordinal 0..n-1, in input (document) order.
 * - Its key is normalise(fold(text)); each distinct code-point bigram of the key posts the ordinal
 *   once. Postings live in `gramShards` files by gramShard(bigram): `{ "<bigram>": [first, delta, ...] }`.
 * - Texts live in chunks of `textChunk` sentences by ordinal: `{ "first": o, "items": [[id, doc, text, [placeId, ...]], ...] }`.
 * - Shard and chunk names carry 8 hex digits of the SHA-256 of their content (cacheable forever);
 *   search/meta.json (not hashed) names them all.
 * Same input → byte-identical files.
 */
import { createHash } from 'node:crypto';
import { gramShard, keyBigrams, normalise, SEARCH_INDEX_VERSION, SEARCH_META_PATH } from '../search-key.ts';

export interface IndexedSentence {
  id: string;
  doc: string;
  text: string;
  places: Array<{ id: string }>;
}

/** A file to write; `path` is relative to the data folder, e.g. 'search/meta.json'. */
export interface IndexFile {
  path: string;
  data: string;
}

export const DEFAULT_GRAM_SHARDS = 32;
export const DEFAULT_TEXT_CHUNK = 512;

function hashedName(prefix: string, data: string): string {
  return `search/${prefix}-${createHash('sha256').update(data, 'utf8').digest('hex').slice(0, 8)}.json`;
}

/** Files in order: gram shards, text chunks, then search/meta.json (the file the app reads first). */
export function sentenceIndex(
  facts: readonly IndexedSentence[],
  fold: (s: string) => string,
  opts: { gramShards?: number; textChunk?: number } = {},
): IndexFile[] {
  const gramShards = opts.gramShards ?? DEFAULT_GRAM_SHARDS;
  const textChunk = opts.textChunk ?? DEFAULT_TEXT_CHUNK;
  for (const [name, v] of [
    ['gramShards', gramShards],
    ['textChunk', textChunk],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`sentenceIndex: ${name} must be a whole number of at least 1 (got ${v})`);
  }

  const indexed = facts.filter((f) => f.places.length > 0);

  // Ordinals are visited in ascending order, so every posting list comes out ascending.
  const postings = new Map<string, number[]>();
  indexed.forEach((f, ordinal) => {
    for (const gram of keyBigrams(normalise(fold(f.text)))) {
      const list = postings.get(gram);
      if (list) list.push(ordinal);
      else postings.set(gram, [ordinal]);
    }
  });

  const byShard: string[][] = Array.from({ length: gramShards }, () => []);
  for (const gram of postings.keys()) byShard[gramShard(gram, gramShards)].push(gram);

  const files: IndexFile[] = [];
  const grams: string[] = [];
  byShard.forEach((shardGrams, shard) => {
    // Sorted keys: the bytes do not depend on the order the grams were first seen in.
    shardGrams.sort();
    const obj: Record<string, number[]> = {};
    for (const gram of shardGrams) {
      const list = postings.get(gram)!;
      const deltas = new Array<number>(list.length);
      for (let i = 0; i < list.length; i++) deltas[i] = i === 0 ? list[0] : list[i] - list[i - 1];
      obj[gram] = deltas;
    }
    const data = JSON.stringify(obj);
    const path = hashedName(`g${shard}`, data);
    grams.push(path);
    files.push({ path, data });
  });

  const texts: string[] = [];
  for (let first = 0, chunk = 0; first < indexed.length; first += textChunk, chunk++) {
    const items = indexed.slice(first, first + textChunk).map((f) => [f.id, f.doc, f.text, f.places.map((p) => p.id)]);
    const data = JSON.stringify({ first, items });
    const path = hashedName(`t${chunk}`, data);
    texts.push(path);
    files.push({ path, data });
  }

  const meta = { version: SEARCH_INDEX_VERSION, count: indexed.length, gramShards, textChunk, grams, texts };
  files.push({ path: SEARCH_META_PATH, data: JSON.stringify(meta) });
  return files;
}
