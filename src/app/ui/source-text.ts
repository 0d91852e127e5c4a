/**
 * Text shown as published — a quote, a document's title or publisher, a figure or term in a
 * document's words, a place's native name — stays in its own language whatever the UI's. Each
 * element holding it says so: `lang` (so it is read out as Chinese inside an English page) and
 * `data-source-text` with its kind (so a check of the UI's language knows it is not the UI's
 * text: tests/e2e/english.test.ts).
 */
import type { CitationPart } from './citation.ts';
import { type Child, el } from './dom.ts';

export type SourceKind = 'quote' | 'document' | 'title' | 'publisher' | 'figure' | 'term' | 'name';

/** The attributes of an element holding published text in `lang` (a BCP 47 tag). */
export function sourceAttrs(kind: SourceKind, lang: string): { lang: string; 'data-source-text': SourceKind } {
  return { lang, 'data-source-text': kind };
}

/** The language of a name as written: Chinese when it has Han characters, else Latin-script English (an alias such as ZGC or E-Town). */
export function writtenLang(text: string): string {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

/** A span of published text. */
export function sourceSpan(kind: SourceKind, lang: string, text: string): HTMLSpanElement {
  return el('span', { ...sourceAttrs(kind, lang), text });
}

/** A citation's parts as nodes: the UI's marks and separators as text, title and publisher as published (in `lang`, the document's script). */
export function citationNodes(parts: readonly CitationPart[], lang: string): Child[] {
  return parts.map((p) => (typeof p === 'string' ? p : sourceSpan(p.field, lang, p.text)));
}
