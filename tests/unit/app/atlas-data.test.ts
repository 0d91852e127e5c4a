import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { parseFacts } from '../../../src/app/data/load-facts.ts';
import type { FactsFile } from '../../../src/types.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();

const place = (id: string, kind: string, extra: object = {}) => ({ id, names: { zhHans: id, zhHant: id, en: id }, aliases: [], kind, factCount: 0, role: [], geometry: { type: 'point', lonLat: [116, 40], precisionM: 1000, source: 's' }, ...extra });
const fact = (id: string, places: string[], topics: string[] = []) => ({ id, doc: 'd', start: 0, end: 1, text: 'x', heading: false, places: places.map((p) => ({ id: p, how: 'explicit' })), topics, figures: [] });
const tiny = {
  documents: [{ id: 'd', file: 'd.txt', title: 't', publisher: 'p', date: '2021', script: 'zhHans', bodySource: 'manifest', bodyStart: 0, bodyEnd: 1, length: 1 }],
  places: [
    place('haidian', 'district', { geometry: { type: 'boundary', layer: 'district', unit: 'haidian' } }),
    place('fengtai', 'district', { geometry: { type: 'boundary', layer: 'district', unit: 'fengtai' } }),
    place('lab', 'institute', { district: 'haidian' }),
    place('zone', 'development-zone', { district: 'haidian', hosts: [], geometry: { type: 'none', reason: 'everywhere' } }),
  ],
  facts: [fact('f1', ['haidian', 'lab'], ['ai']), fact('f2', ['lab'], ['quantum']), fact('f3', ['zone']), fact('f4', ['fengtai'], ['ai'])],
} as unknown as FactsFile;

describe('indexFacts', () => {
  it('counts a fact once for a district it names or that hosts one of its places', () => {
    expect(Object.fromEntries(indexFacts(tiny).districtCounts())).toEqual({ haidian: 2, fengtai: 1 });
  });

  it('does not pile facts of a city-wide zone (hosts: []) onto its nominal district', () => {
    expect(indexFacts(tiny).districtCounts().get('haidian')).toBe(2); // f3 (zone) is not counted
  });

  it('counts within a topic', () => {
    expect(Object.fromEntries(indexFacts(tiny).districtCounts('quantum'))).toEqual({ haidian: 1, fengtai: 0 });
  });

  it('lists a place’s facts, optionally within a topic, and a district’s hosted places', () => {
    const data = indexFacts(tiny);
    expect(data.factsOf('lab').map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(data.factsOf('lab', 'ai').map((f) => f.id)).toEqual(['f1']);
    expect(data.children('haidian').map((p) => p.id)).toEqual(['lab', 'zone']);
  });

  it('indexes the real facts file with every district present, the one the documents say nothing about at 0', () => {
    const counts = indexFacts(file).districtCounts();
    expect(counts.size).toBe(16);
    expect(counts.get('miyun')).toBe(0);
    expect(counts.get('haidian')).toBe(indexFacts(file).placeFacts('haidian').counted.length);
  });
});

describe('parseFacts', () => {
  it('accepts the real facts file', () => {
    expect(parseFacts(JSON.parse(JSON.stringify(file))).facts.size).toBe(file.facts.length);
  });

  it('names what is wrong with a malformed file', () => {
    expect(() => parseFacts({})).toThrow(/facts\.json.*documents, places and facts/);
    expect(() => parseFacts({ ...tiny, facts: [{ ...fact('bad', ['nowhere']) }] })).toThrow(/unknown place/);
    expect(() => parseFacts({ ...tiny, facts: [{ ...fact('bad', []), end: 5 }] })).toThrow(/inconsistent offsets/);
  });
});
