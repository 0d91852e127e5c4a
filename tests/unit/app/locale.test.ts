import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { citeTitle, featureName, isLang, LOCALES, localeOf, mapDistrictName, nameIn, parenthesise, type Locale } from '../../../src/app/i18n/locale.ts';
import { STRINGS } from '../../../src/app/i18n/strings.ts';

/** A made-up third language: every mark differs from both real ones, so any hard-coded branch shows. */
const PSEUDO: Locale = {
  lang: 'en',
  tag: 'fr',
  name: 'zhHant',
  nameProperty: 'nameEn',
  otherNames: [['zhHans', 'zh-Hans'], ['en', 'en']],
  listSeparator: ' ‖ ',
  clauseSeparator: ' ¦ ',
  phraseJoin: '·',
  titleMarks: ['«', '»'],
  parens: ['⟨', '⟩'],
  mapDropsSuffix: ' Arrondissement',
  next: 'zh',
};

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('locales', () => {
  it('has one table per interface language, each complete and with a tag Intl accepts', () => {
    for (const [lang, loc] of Object.entries(LOCALES)) {
      expect(loc.lang).toBe(lang);
      expect(Intl.getCanonicalLocales(loc.tag)).toHaveLength(1);
      expect(isLang(loc.next)).toBe(true);
      expect(loc.next).not.toBe(lang);
      // Every UI string has this language's column.
      for (const [key, row] of Object.entries(STRINGS)) expect((row as Record<string, string>)[lang], key).toBeTypeOf('string');
    }
    expect(isLang('fr')).toBe(false);
    expect(isLang('__proto__')).toBe(false);
  });

  it('formats names, titles, lists and parentheses from the table alone (a pseudo-locale)', () => {
    const names = { zhHans: '海淀区', zhHant: '海澱區', en: 'Haidian District' };
    expect(nameIn(names, PSEUDO)).toBe('海澱區');
    expect(nameIn(names, localeOf('en'))).toBe('Haidian District');
    expect(featureName({ nameZhHans: '海淀区', nameEn: 'Haidian' }, PSEUDO)).toBe('Haidian');
    expect(featureName({}, PSEUDO, 'haidian')).toBe('haidian');
    expect(citeTitle('规划', PSEUDO)).toBe('«规划»');
    expect(citeTitle('规划', localeOf('zh'))).toBe('《规划》');
    expect(parenthesise('x', PSEUDO)).toBe('⟨x⟩');
    expect(['a', 'b'].join(PSEUDO.listSeparator)).toBe('a ‖ b');
  });

  it('is the only place the app branches on the interface language', () => {
    const offenders = sources('src/app')
      .filter((p) => !p.endsWith(join('i18n', 'locale.ts')))
      .flatMap((p) => readFileSync(p, 'utf8').split('\n').map((line, i) => ({ p, i: i + 1, line })))
      .filter(({ line }) => /[=!]==\s*'(zh|en)'|'(zh|en)'\s*[=!]==|'zh-CN'|'en-US'/.test(line));
    expect(offenders.map(({ p, i, line }) => `${p}:${i}: ${line.trim()}`)).toEqual([]);
  });

  it('shortens a district’s map label where the locale drops a suffix, and only there', () => {
    expect(mapDistrictName('Haidian District', localeOf('en'))).toBe('Haidian');
    expect(mapDistrictName('海淀区', localeOf('zh'))).toBe('海淀区');
    expect(mapDistrictName('Binhai New Area', localeOf('en'))).toBe('Binhai New Area');
    expect(mapDistrictName('Haidian Arrondissement', PSEUDO)).toBe('Haidian');
    // The suffix alone is not shortened to nothing.
    expect(mapDistrictName(' District', localeOf('en'))).toBe(' District');
  });
});
