import { describe, expect, it } from 'vitest';
import { aggregate, containersOf } from '../../src/place-facts.ts';
import type { FactRef } from '../../src/types.ts';

// Two districts, a science city spanning both (main host first), a lab in it, a city-wide zone
// with a sub-park in each district.
const places = [
  { id: 'huairou', district: 'huairou' },
  { id: 'miyun', district: 'miyun' },
  { id: 'hsc', district: 'huairou', hosts: ['huairou', 'miyun'] },
  { id: 'lab', district: 'huairou', parent: 'hsc' },
  { id: 'zgc', district: 'huairou', hosts: [] },
  { id: 'park-huairou', district: 'huairou', parent: 'zgc' },
  { id: 'park-miyun', district: 'miyun', parent: 'zgc' },
];
let n = 0;
const fact = (topics: FactRef['topics'], ...entries: FactRef['places']): FactRef => ({ id: `f${++n}`, doc: 'd', heading: false, places: entries, topics });
const facts = [
  fact(['ai'], { id: 'huairou', how: 'explicit' }),
  fact([], { id: 'huairou', how: 'explicit', via: '雁栖' }),
  fact(['energy'], { id: 'hsc', how: 'explicit' }, { id: 'lab', how: 'context' }),
  fact([], { id: 'lab', how: 'explicit' }),
  fact([], { id: 'zgc', how: 'explicit' }),
  fact(['ai'], { id: 'park-huairou', how: 'group', via: '一区多园' }, { id: 'park-miyun', how: 'group', via: '一区多园' }),
  fact([], { id: 'huairou', how: 'explicit' }, { id: 'park-huairou', how: 'group', via: '一区多园' }),
];
const agg = aggregate(places, facts);
const ids = (xs: Array<{ fact: FactRef; reach: string; via?: string }>) => xs.map((x) => `${x.fact.id}:${x.reach}${x.via ? `(${x.via})` : ''}`);

describe('containersOf', () => {
  it('follows parents and main hosts at any depth, never a zone spread over the city', () => {
    const c = containersOf(places);
    expect(c.get('lab')).toEqual(['hsc', 'huairou']);
    expect(c.get('hsc')).toEqual(['huairou']);
    expect(c.get('zgc')).toEqual([]);
    expect(c.get('park-miyun')).toEqual(['zgc', 'miyun']);
  });
});

describe('aggregate: one counting rule', () => {
  it('counts for a district what names it (through a town too) and what is about places in it, each once', () => {
    expect(ids(agg.of('huairou').counted)).toEqual(['f1:self', 'f2:self(雁栖)', 'f3:within(hsc)', 'f4:within(lab)', 'f7:self']);
    expect(agg.count('huairou')).toBe(5);
  });

  it('shows a spanning place in its other host without counting it, and group mentions the same way', () => {
    expect(agg.count('miyun')).toBe(0);
    expect(ids(agg.of('miyun').listed)).toEqual(['f3:shared(hsc)', 'f6:group(一区多园)']);
  });

  it('never counts a fact reached only through a group term, and a direct mention wins over one', () => {
    expect(ids(agg.of('park-huairou').counted)).toEqual([]);
    expect(ids(agg.of('park-huairou').listed)).toEqual(['f6:group(一区多园)', 'f7:group(一区多园)']);
    expect(ids(agg.of('huairou').listed)).toEqual(['f6:group(一区多园)']);
  });

  it('counts for a place what is about places inside it, but nothing for the districts of a city-wide zone', () => {
    expect(ids(agg.of('hsc').counted)).toEqual(['f3:self', 'f4:within(lab)']);
    expect(agg.count('zgc')).toBe(1);
  });

  it('filters every part by topic the same way', () => {
    expect(ids(agg.of('huairou', 'ai').counted)).toEqual(['f1:self']);
    expect(ids(agg.of('huairou', 'ai').listed)).toEqual(['f6:group(一区多园)']);
    expect(agg.count('huairou', 'energy')).toBe(1);
  });
});
