/** A quote's source as the app cites it (panel, reader, tour, figures, documents list), and the script its text is in. */
import type { DocumentRecord, Script } from '../../types.ts';
import { type Lang, tParts } from '../i18n/strings.ts';
import { localeOf } from '../i18n/locale.ts';

export interface Citation {
  docId: string;
  title: string;
  publisher: string;
  /** As in the manifest; may be partial ('2025'). */
  date: string;
  url?: string;
}

export type QuoteLang = 'zh-Hans' | 'zh-Hant';

export function quoteLang(script: Script): QuoteLang {
  return script === 'zhHant' ? 'zh-Hant' : 'zh-Hans';
}

export function citationOf(doc: DocumentRecord | undefined, docId: string): Citation {
  if (!doc) return { docId, title: docId, publisher: '', date: '' };
  return { docId, title: doc.title, publisher: doc.publisher, date: doc.date, ...(doc.url ? { url: doc.url } : {}) };
}

/** A citation's published fields, kept apart from the UI's marks so a view can tag them as the documents' text. */
export interface CitedField {
  field: 'title' | 'publisher';
  /** As published. */
  text: string;
}

export type CitationPart = string | CitedField;

/**
 * The citation in the UI language, cut into the UI's marks and separators (strings) and the
 * title and publisher as published: joined, it is `formatCitation`. Missing parts are left out.
 */
export function citationParts(c: Citation, lang: Lang): CitationPart[] {
  const title: CitedField = { field: 'title', text: c.title };
  const publisher: CitedField = { field: 'publisher', text: c.publisher };
  if (c.publisher && c.date) return tParts<CitedField>('citation', lang, { title, publisher, date: c.date });
  const loc = localeOf(lang);
  const groups: CitationPart[][] = [[loc.titleMarks[0], title, loc.titleMarks[1]], c.publisher ? [publisher] : [], c.date ? [c.date] : []];
  return groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [loc.clauseSeparator, ...g]));
}

/** "《title》，publisher，date" / "“title”, publisher, date"; missing parts are left out. */
export function formatCitation(c: Citation, lang: Lang): string {
  return citationParts(c, lang).map((p) => (typeof p === 'string' ? p : p.text)).join('');
}
