/**
 * Topics of a sentence from the lexicon's terms, matched on the normalised key. Every term
 * occurrence counts (人工智能芯片 is both ai and ic), so this does not use leftmost-longest.
 */
import { TOPICS } from '../contract.ts';
import type { Figure, Topic } from '../types.ts';
import { AhoCorasick } from './aho-corasick.ts';
import { normaliseKey } from './normalise-key.ts';

export type TopicLexicon = Partial<Record<Topic, { en: string; zh: string; terms: string[] }>>;

/** Output order of topics, fixed so that output is deterministic (the contract's). */
export const TOPIC_ORDER = TOPICS;

export interface TopicTagger {
  ac: AhoCorasick;
  topics: Topic[][];
}

export function buildTopicTagger(lexicon: TopicLexicon): TopicTagger {
  const byKey = new Map<string, Set<Topic>>();
  for (const topic of TOPIC_ORDER) {
    for (const term of lexicon[topic]?.terms ?? []) {
      const k = normaliseKey(term).key;
      if (!k) continue;
      byKey.set(k, (byKey.get(k) ?? new Set()).add(topic));
    }
  }
  const keys = [...byKey.keys()];
  return { ac: new AhoCorasick(keys), topics: keys.map((k) => [...byKey.get(k)!]) };
}

/**
 * `key` is the sentence's normalised key. A sentence that states a figure other than a bare
 * year (2025年) is also 'metrics'.
 */
export function tagTopics(tagger: TopicTagger, key: string, figures: Figure[] = []): Topic[] {
  const found = new Set<Topic>();
  for (const h of tagger.ac.search(key)) for (const t of tagger.topics[h.pattern]) found.add(t);
  if (figures.some((f) => !(f.unit === '年' && f.measure === ''))) found.add('metrics');
  return TOPIC_ORDER.filter((t) => found.has(t));
}
