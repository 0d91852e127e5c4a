import { describe, expect, it } from 'vitest';
import { siteOf } from './site-fixtures.ts';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import {
  CHART_PALETTE, OTHER_COLOUR, districtIds, districtTopicModel, topicColours,
} from '../../../src/app/features/charts/district-topic-model.ts';
import { countTicks } from '../../../src/app/features/charts/district-topic-chart.ts';
import { TOPIC_ORDER } from '../../../src/app/ui/labels.ts';
import { primaryTopic } from '../../../src/app/features/panel/panel-model.ts';
import type { FactsFile, Topic } from '../../../src/types.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const data = siteOf(file).index;
/** facts.json indexed whole: what the summary's tallies must agree with. */
const full = indexFacts(file);

/**
 * The counting rule, re-stated independently: an entry that is not through a group term counts
 * for its place's district — the place itself, or where its main host (hosts[0], else district)
 * or parent, at any depth, is one; a city-wide zone (hosts: []) has none.
 */
function expectedDistricts(entries: FactsFile['facts'][number]['places']): Set<string> {
  const byId = new Map(file.places.map((q) => [q.id, q]));
  const districtsOf = (id: string, depth = 0): string[] => {
    const p = byId.get(id);
    if (!p || depth > 8) return [];
    if (p.kind === 'district') return [p.id];
    const host = p.hosts ? p.hosts[0] : p.district;
    return [host, p.parent].flatMap((x) => (x ? districtsOf(x, depth + 1) : []));
  };
  return new Set(entries.filter((e) => e.how !== 'group').flatMap((e) => districtsOf(e.id)));
}

describe('district × topic chart model', () => {
  it('has one bar per Beijing district (16), sorted by total, largest first', () => {
    for (const lang of ['zh', 'en'] as const) {
      const m = districtTopicModel(data, null, lang);
      expect(m.bars).toHaveLength(16);
      expect(new Set(m.bars.map((b) => b.district))).toEqual(new Set(districtIds(data)));
      for (let i = 1; i < m.bars.length; i++) expect(m.bars[i - 1].total).toBeGreaterThanOrEqual(m.bars[i].total);
      expect(m.max).toBe(m.bars[0].total);
    }
  });

  it('gives each district the number of facts assigned to it, once per fact, stacked by first topic', () => {
    const m = districtTopicModel(data, null, 'zh');
    const counts = data.districtCounts(null);
    const colours = topicColours(data);
    for (const bar of m.bars) {
      const facts = file.facts.filter((f) => expectedDistricts(f.places).has(bar.district));
      expect(bar.total, bar.district).toBe(facts.length);
      expect(bar.total, bar.district).toBe(counts.get(bar.district));
      expect(bar.segments.reduce((a, s) => a + s.count, 0)).toBe(bar.total);
      for (const s of bar.segments) {
        const n = facts.filter((f) => {
          const k = primaryTopic(f);
          return s.topic === 'other' ? k === 'other' || !colours.has(k) : k === s.topic;
        }).length;
        expect(s.count, `${bar.district}/${s.topic}`).toBe(n);
        expect(s.count).toBeGreaterThan(0);
      }
    }
    const haidian = m.bars.find((b) => b.district === 'haidian')!;
    expect(haidian.label).toBe(`海淀区：${haidian.total} 条事实`);
    expect(districtTopicModel(data, null, 'en').bars.find((b) => b.district === 'haidian')!.label).toBe(`Haidian District: ${haidian.total} facts`);
  });

  it('gives every bar the district’s count by the atlas’s one rule, for every topic', () => {
    for (const topic of [null, ...TOPIC_ORDER] as Array<Topic | null>) {
      const m = districtTopicModel(data, topic, 'zh');
      for (const bar of m.bars) expect(bar.total, `${topic} ${bar.district}`).toBe(full.placeFacts(bar.district, topic).counted.length);
    }
  });

  it('with a theme filter shows only that topic, counting every fact that has it, and re-sorts', () => {
    for (const topic of TOPIC_ORDER) {
      const m = districtTopicModel(data, topic, 'zh');
      const counts = data.districtCounts(topic);
      expect(m.bars).toHaveLength(16);
      expect(m.legend.map((e) => e.topic)).toEqual([topic]);
      for (const bar of m.bars) {
        expect(bar.total).toBe(counts.get(bar.district));
        expect(bar.segments.every((s) => s.topic === topic)).toBe(true);
        const facts = file.facts.filter((f) => f.topics.includes(topic) && expectedDistricts(f.places).has(bar.district));
        expect(bar.total).toBe(facts.length);
      }
      for (let i = 1; i < m.bars.length; i++) expect(m.bars[i - 1].total).toBeGreaterThanOrEqual(m.bars[i].total);
    }
    const ai = districtTopicModel(data, 'ai', 'zh').bars.map((b) => b.district);
    const all = districtTopicModel(data, null, 'zh').bars.map((b) => b.district);
    expect(ai).not.toEqual(all);
  });

  it('colours at most 11 topics from the colour-blind-safe palette, plus grey for other', () => {
    const colours = topicColours(data);
    expect(colours.size).toBeLessThanOrEqual(CHART_PALETTE.length);
    expect(new Set(colours.values()).size).toBe(colours.size);
    const m = districtTopicModel(data, null, 'en');
    expect(m.legend.at(-1)).toMatchObject({ topic: 'other', colour: OTHER_COLOUR, label: 'Other themes or none' });
    // Stack order is the legend order.
    const order = m.legend.map((e) => e.topic);
    for (const bar of m.bars) {
      const idx = bar.segments.map((s) => order.indexOf(s.topic));
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    }
    expect(m.caption).toMatch(/first theme/);
    expect(districtTopicModel(data, null, 'zh').caption).toMatch(/第一个主题/);
  });

  it('makes whole-number axis ticks covering the largest bar', () => {
    const { domainMax, ticks } = countTicks(37);
    expect(domainMax).toBeGreaterThanOrEqual(37);
    expect(ticks[0]).toBe(0);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(countTicks(0)).toEqual({ domainMax: 1, ticks: [0, 1] });
  });
});
