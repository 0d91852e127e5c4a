import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STRINGS } from '../../../src/app/i18n/strings.ts';
import { TOPIC_ORDER, kindLabel, topicLabel } from '../../../src/app/ui/labels.ts';
import type { Gazetteer, PlaceKind } from '../../../src/types.ts';

const topics: Record<string, { zh: string; en: string }> = JSON.parse(readFileSync('geo/topics.json', 'utf8'));
const gazetteer: Gazetteer = JSON.parse(readFileSync('geo/places.json', 'utf8'));
const ALL_KINDS: PlaceKind[] = ['municipality', 'district', 'science-city', 'development-zone', 'sub-park', 'park', 'town', 'facility', 'institute', 'university', 'company', 'government', 'policy-zone', 'jjj-node', 'national-node', 'foreign', 'other'];

describe('UI strings for topics and kinds', () => {
  it('cover every topic in geo/topics.json, in its order and with its labels', () => {
    expect([...TOPIC_ORDER]).toEqual(Object.keys(topics));
    for (const [id, v] of Object.entries(topics)) {
      expect(`topic.${id}` in STRINGS, id).toBe(true);
      expect(topicLabel(id as never, 'zh')).toBe(v.zh);
      expect(topicLabel(id as never, 'en')).toBe(v.en);
    }
    expect(topicLabel('other', 'en')).toBe('Other');
  });

  it('label every place kind, including every kind in the gazetteer', () => {
    for (const k of [...ALL_KINDS, ...gazetteer.places.map((p) => p.kind)]) {
      expect(`kind.${k}` in STRINGS, k).toBe(true);
      expect(kindLabel(k, 'zh')).not.toBe('');
      expect(kindLabel(k, 'en')).not.toBe('');
    }
  });
});
