/**
 * Word boundaries from a Chinese segmenter, as one signal for place matching: a gazetteer name
 * that starts or ends inside a word (京东 in 京东方, 朝阳 in 朝阳产业, 大兴 in 大兴安岭) is evidence
 * against it. jieba (@node-rs/jieba, MIT) with its default dictionary, no HMM (unknown strings
 * stay as single characters, which never cut a name). Its dictionary was not made from our
 * gazetteer, so it is an independent witness; the gazetteer's longer match still wins over its
 * pieces (a name may span several words, as long as no word crosses its ends).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

/**
 * `starts[i]` is 1 where a word starts at UTF-16 index i (and at text.length). When the words do
 * not concatenate back to the text, every index counts as a start: no evidence, not false evidence.
 */
export function wordStarts(words: string[], text: string): Uint8Array {
  const starts = new Uint8Array(text.length + 1);
  let at = 0;
  for (const w of words) {
    if (text.startsWith(w, at)) {
      starts[at] = 1;
      at += w.length;
    } else {
      at = -1;
      break;
    }
  }
  if (at !== text.length) return starts.fill(1);
  starts[text.length] = 1;
  return starts;
}

/** Words with their parts of speech (jieba's tags: n noun, ns place, nt organisation, v verb …): one pass gives both the boundaries and the tags. */
export type Tagger = (text: string) => Array<{ word: string; tag: string }>;

/** jieba, loaded once per process (≈0.2 s for the dictionary). */
export const jiebaTagger: Tagger = (text) => {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(text, false);
};
