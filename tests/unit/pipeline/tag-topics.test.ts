import { describe, expect, it } from 'vitest';
import { buildTopicTagger, tagTopics, type TopicLexicon } from '../../../src/pipeline/tag-topics.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import lexicon from '../../fixtures/pipeline/topics.json';
import type { Figure } from '../../../src/types.ts';

const tagger = buildTopicTagger(lexicon as TopicLexicon);
const tag = (s: string, figures: Figure[] = []) => tagTopics(tagger, normaliseKey(s).key, figures);
const figure = (unit: string, measure: string): Figure => ({ text: '', value: 1, unit, measure, start: 0, end: 1 });

describe('tagTopics', () => {
  it('finds a topic from one of its terms', () => {
    expect(tag('发展大模型')).toEqual(['ai']);
  });

  it('gives several topics in the fixed topic order, overlapping terms included', () => {
    expect(tag('人工智能芯片和高精尖产业')).toEqual(['ai', 'ic', 'industry']);
  });

  it('matches Simplified terms in Traditional text', () => {
    expect(tag('加快形成重大科技基礎設施集群')).toEqual(['infrastructure']);
  });

  it('gives no topic to a sentence without terms', () => {
    expect(tag('会议在北京召开。')).toEqual([]);
  });

  it('adds metrics when the sentence states a figure', () => {
    expect(tag('增长了', [figure('%', '增速')])).toEqual(['metrics']);
  });

  it('does not add metrics for a bare year', () => {
    expect(tag('到2025年', [figure('年', '')])).toEqual([]);
  });
});
