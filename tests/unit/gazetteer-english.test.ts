/** The gazetteer's English is English: the English UI shows these fields as they are. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/types.ts';

const gazetteer = JSON.parse(readFileSync('geo/places.json', 'utf8')) as Gazetteer;
const HAN = /\p{Script=Han}/u;

describe('the gazetteer in English', () => {
  it('has no Chinese characters in an English name, short name or the reason a place is not drawn', () => {
    const han = gazetteer.places.flatMap((p) =>
      [p.names.en, p.names.enShort, p.geometry.type === 'none' ? p.geometry.reason : undefined].filter((s): s is string => !!s && HAN.test(s)).map((s) => `${p.id}: ${s}`));
    expect(han).toEqual([]);
  });

  it('gives a short English name only where it is shorter than the full one', () => {
    for (const p of gazetteer.places) if (p.names.enShort) expect(p.names.enShort.length, p.id).toBeLessThan(p.names.en.length);
  });
});
