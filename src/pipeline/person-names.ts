/**
 * Names a document uses inside people's names: the segmenter tags 李昌平 as a person (nr), so in
 * that document 昌平 is the person's given name wherever it stands alone too ("昌平是干了件…").
 * One sense per discourse: a classic of word-sense disambiguation, cheap and rarely wrong.
 */
import type { NameIndex } from './name-index.ts';

const PERSON = /^nr/;

export function personNames(index: NameIndex, words: Array<{ word: string; tag: string }>): Set<string> {
  const out = new Set<string>();
  for (const { word, tag } of words) {
    // A person's name is a surname and one or two characters; the whole word is no place name.
    if (!PERSON.test(tag) || word.length < 3 || word.length > 4 || index.keyIndex.has(word)) continue;
    for (const h of index.ac.search(word)) if (h.end - h.start >= 2 && h.start > 0) out.add(index.keys[h.pattern]);
  }
  return out;
}
