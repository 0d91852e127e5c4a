/**
 * What differs between interface languages besides the strings: one record per language, so
 * no code outside this table branches on the language. A third language is a new entry here
 * and a column in strings.ts (tests/unit/app/locale.test.ts drives the formatting with a
 * pseudo-locale to prove it).
 */
import type { Lang } from './strings.ts';

/** Where a place's names are: its gazetteer names, or a map feature's properties. */
export type NameKey = 'zhHans' | 'zhHant' | 'en';

export interface Locale {
  lang: Lang;
  /** BCP 47 tag for lang attributes and for Intl number and name formatting. */
  tag: string;
  /** Which of a place's names the interface shows. */
  name: NameKey;
  /** The map feature property holding that name (boundaries and points carry nameZhHans, nameEn). */
  nameProperty: 'nameZhHans' | 'nameEn';
  /** A place's other names, shown beside its name in the panel, each with its tag. */
  otherNames: ReadonlyArray<readonly [NameKey, string]>;
  /** Between the items of a list of names. */
  listSeparator: string;
  /** Between the parts of a citation or a clause. */
  clauseSeparator: string;
  /** Between two phrases written one after the other. */
  phraseJoin: string;
  /** A cited work's title marks. */
  titleMarks: readonly [string, string];
  /** Parentheses, as the script writes them. */
  parens: readonly [string, string];
  /** A word the map leaves off a district's name to keep its label short (Haidian, not "Haidian District"); the panel keeps it. */
  mapDropsSuffix: string | null;
  /** The language the language switch offers. */
  next: Lang;
}

export const LOCALES: Record<Lang, Locale> = {
  zh: {
    lang: 'zh',
    tag: 'zh-Hans',
    name: 'zhHans',
    nameProperty: 'nameZhHans',
    otherNames: [['zhHant', 'zh-Hant'], ['en', 'en']],
    listSeparator: '、',
    clauseSeparator: '，',
    phraseJoin: '',
    titleMarks: ['《', '》'],
    parens: ['（', '）'],
    mapDropsSuffix: null,
    next: 'en',
  },
  en: {
    lang: 'en',
    tag: 'en',
    name: 'en',
    nameProperty: 'nameEn',
    otherNames: [['zhHans', 'zh-Hans'], ['zhHant', 'zh-Hant']],
    listSeparator: ', ',
    clauseSeparator: ', ',
    phraseJoin: ' ',
    titleMarks: ['“', '”'],
    parens: [' (', ')'],
    mapDropsSuffix: ' District',
    next: 'zh',
  },
};

export const localeOf = (lang: Lang): Locale => LOCALES[lang];
/** Whether a value (from a URL) names an interface language. */
export const isLang = (x: unknown): x is Lang => typeof x === 'string' && Object.hasOwn(LOCALES, x);

/** A place's name in the locale (its gazetteer names). */
export const nameIn = (names: Partial<Record<NameKey, string>>, loc: Locale): string => names[loc.name] ?? names.zhHans ?? '';
/** A map feature's name in the locale, or `fallback` when it has none. */
export const featureName = (properties: Record<string, unknown> | null | undefined, loc: Locale, fallback = ''): string =>
  String(properties?.[loc.nameProperty] ?? fallback);
/** A district's name as the map labels it: short where the locale drops a suffix. */
export const mapDistrictName = (name: string, loc: Locale): string =>
  loc.mapDropsSuffix && name.length > loc.mapDropsSuffix.length && name.endsWith(loc.mapDropsSuffix) ? name.slice(0, -loc.mapDropsSuffix.length) : name;
export const citeTitle = (title: string, loc: Locale): string => `${loc.titleMarks[0]}${title}${loc.titleMarks[1]}`;
export const parenthesise = (s: string, loc: Locale): string => `${loc.parens[0]}${s}${loc.parens[1]}`;
