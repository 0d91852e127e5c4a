import { describe, expect, it } from 'vitest';
import { STRINGS, type StringKey, t, tParts } from '../../../src/app/i18n/strings.ts';

describe('UI strings', () => {
  it('has every string in Chinese and English', () => {
    for (const [key, v] of Object.entries(STRINGS)) {
      expect(v.zh.trim(), key).not.toBe('');
      expect(v.en.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('dataMissing', 'en', { file: 'a.json', reason: 'HTTP 404', command: 'npm run x' })).toBe('Could not load the data file a.json (HTTP 404). Run npm run x to rebuild it.');
    expect(t('dataMissing', 'en')).toContain('{file}');
  });

  it('has English strings with no Chinese in them, but for the bilingual notice and the switch to Chinese', () => {
    // The notice is bilingual by design; the language switch names Chinese in Chinese.
    const chineseByDesign: StringKey[] = ['notice', 'langToggle', 'langToggleLabel'];
    const han = /\p{Script=Han}/u;
    const left = Object.entries(STRINGS).filter(([key, v]) => han.test(v.en) && !chineseByDesign.includes(key as StringKey));
    expect(left.map(([key, v]) => `${key}: ${v.en}`)).toEqual([]);
  });

  it('cuts a string at its placeholders, giving each value as it is', () => {
    const term = { term: '三城一区' };
    expect(tParts('via', 'en', { term })).toEqual(['via “', term, '”']);
    expect(tParts('via', 'zh', { term })).toEqual(['经由“', term, '”']);
    // String values join the text around them, so the parts alternate: text, value, text.
    const title = { field: 'title' };
    expect(tParts('citation', 'en', { title, publisher: 'P', date: '2021' })).toEqual(['“', title, '”, P, 2021']);
    // Unknown placeholders stay visible, as with t; joined, the parts are t's string.
    expect(tParts('citation', 'en', { title: 'T' })).toEqual(['“T”, {publisher}, {date}']);
    expect(tParts('dataMissing', 'en', { file: 'a.json', reason: 'HTTP 404', command: 'npm run x' }).join('')).toBe(t('dataMissing', 'en', { file: 'a.json', reason: 'HTTP 404', command: 'npm run x' }));
    expect(tParts('title', 'en', {})).toEqual([t('title', 'en')]);
  });

  it('always shows the schematic-map notice in both languages', () => {
    for (const lang of ['zh', 'en'] as const) expect(t('notice', lang)).toBe('示意图，非标准地图 / Schematic map, not an official map');
  });
});
