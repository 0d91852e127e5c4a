/**
 * What the sentence index (src/pipeline/sentence-index.ts) and the app's query
 * (src/app/features/search/sentence-search.ts) must agree on: how a text becomes a key, how a key is cut into
 * bigrams, and which shard a bigram lives in. Pure; shared by the pipeline and the app.
 */

export const SEARCH_META_PATH = 'search/meta.json';
export const SEARCH_INDEX_VERSION = 1;

/** The matching key of a text or a query (after folding to one script): NFKC, lower case, spaces collapsed. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The distinct bigrams of a key, in first-seen order, by code point (an astral character is one
 * character, never split into its surrogates). A key of fewer than two code points has none.
 */
export function keyBigrams(key: string): string[] {
  const cps = Array.from(key);
  const seen = new Set<string>();
  for (let i = 0; i + 1 < cps.length; i++) seen.add(cps[i] + cps[i + 1]);
  return [...seen];
}

/** The shard of a bigram: FNV-1a 32-bit over its UTF-16 code units, mod the shard count. */
export function gramShard(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

