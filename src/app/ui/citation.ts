/** A quote's source as the app cites it (panel, reader, tour, figures, documents list), and the script its text is in. */
import type { DocumentRecord, Script } from '../../types.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { citeTitle, localeOf } from '../i18n/locale.ts';

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

/** "《title》，publisher，date" / "“title”, publisher, date"; missing parts are left out. */
export function formatCitation(c: Citation, lang: Lang): string {
  const full = t('citation', lang, { title: c.title, publisher: c.publisher, date: c.date });
  if (c.publisher && c.date) return full;
  const sep = localeOf(lang).clauseSeparator;
  const title = citeTitle(c.title, localeOf(lang));
  return [title, c.publisher, c.date].filter((s) => s !== '').join(sep);
}
