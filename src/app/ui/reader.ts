/**
 * The document reader: a modal view of one source document's body, with the cited sentence
 * marked and every sentence that names places selectable. Text nodes only, built by offsets.
 */
import type { DocumentRecord, Fact } from '../../types.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { el, onActivate, uniqueId } from './dom.ts';
import { formatCitation, citationOf, quoteLang } from './panel-model.ts';
import { paragraphs, segments } from './reader-model.ts';

export interface ReaderHandlers {
  /** A sentence naming places was chosen: select its first place. */
  onSelect(placeId: string): void;
  onClose(): void;
  /** Place name for labels (optional; the id is used otherwise). */
  nameOf?(placeId: string): string;
}

interface ReaderState {
  handlers: ReaderHandlers;
  returnFocus: HTMLElement | null;
  onKey: (ev: KeyboardEvent) => void;
}

const states = new WeakMap<HTMLElement, ReaderState>();

/** Where the decoded documents are served (offsets equal the facts' offsets). */
export function docUrl(docId: string): string {
  return `data/docs/${encodeURIComponent(docId)}.txt`;
}

/** Fetches a decoded document; throws an Error whose message says why it failed. */
export async function loadDocText(docId: string): Promise<string> {
  const res = await fetch(docUrl(docId));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

function frame(root: HTMLElement, lang: Lang, handlers: ReaderHandlers, titleText: string): { dialog: HTMLElement; title: HTMLElement } {
  const prev = states.get(root);
  if (prev) root.removeEventListener('keydown', prev.onKey);
  const active = document.activeElement;
  const returnFocus = prev?.returnFocus ?? (active instanceof HTMLElement && !root.contains(active) ? active : null);
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      handlers.onClose();
    }
  };
  root.addEventListener('keydown', onKey);
  states.set(root, { handlers, returnFocus, onKey });

  const titleId = uniqueId('reader-title');
  const title = el('h2', { id: titleId, class: 'reader-title', tabindex: '-1', text: titleText });
  const close = el('button', { type: 'button', class: 'reader-close', 'aria-label': t('closeReader', lang), title: t('close', lang), text: '×' });
  close.addEventListener('click', () => handlers.onClose());
  const dialog = el('div', { class: 'reader', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, lang: lang === 'en' ? 'en' : 'zh-Hans' },
    el('div', { class: 'reader-head' }, title, close));
  const backdrop = el('div', { class: 'reader-backdrop' });
  backdrop.addEventListener('click', () => handlers.onClose());
  root.hidden = false;
  root.replaceChildren(backdrop, dialog);
  return { dialog, title };
}

/** Shows a loading or error message in the reader frame (e.g. while fetching the text). */
export function showReaderMessage(root: HTMLElement, title: string, message: string, lang: Lang, handlers: ReaderHandlers, isError = false): void {
  const { dialog, title: h } = frame(root, lang, handlers, title);
  dialog.append(el('p', { class: isError ? 'reader-error' : 'reader-loading', role: isError ? 'alert' : 'status', text: message }));
  h.focus();
}

export function openReader(
  root: HTMLElement,
  doc: DocumentRecord,
  text: string,
  facts: readonly Fact[],
  targetFactId: string | null,
  lang: Lang,
  handlers: ReaderHandlers,
): void {
  const docTitle = doc.title;
  const { dialog, title } = frame(root, lang, handlers, docTitle);
  title.lang = quoteLang(doc.script);

  const citation = citationOf(doc, doc.id);
  const meta = el('p', { class: 'reader-meta' });
  meta.append(el('span', { lang: quoteLang(doc.script), text: [citation.publisher, citation.date].filter(Boolean).join(lang === 'zh' ? '，' : ', ') }));
  if (doc.url && /^https?:\/\//.test(doc.url)) {
    meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank', text: t('source', lang) }));
  }
  dialog.append(meta, el('p', { class: 'reader-hint', text: t('readerHint', lang) }));

  const body = el('div', { class: 'reader-body', lang: quoteLang(doc.script), 'aria-label': formatCitation(citation, lang) });
  let targetEl: HTMLElement | null = null;
  for (const para of paragraphs(segments(text, doc.bodyStart, doc.bodyEnd, facts, targetFactId))) {
    const p = el('p');
    for (const s of para) {
      if (!s.factId) {
        p.append(document.createTextNode(s.text));
        continue;
      }
      const span = s.target ? document.createElement('mark') : document.createElement('span');
      span.className = s.target ? 'reader-fact reader-target' : 'reader-fact';
      span.dataset.fact = s.factId;
      span.append(document.createTextNode(s.text));
      if (s.placeId) {
        const placeId = s.placeId;
        span.classList.add('reader-link');
        span.setAttribute('role', 'button');
        span.tabIndex = 0;
        span.dataset.place = placeId;
        span.title = t('readerSelectPlace', lang, { name: handlers.nameOf?.(placeId) ?? placeId });
        onActivate(span, () => handlers.onSelect(placeId));
      }
      if (s.target) {
        span.setAttribute('aria-description', t('readerTarget', lang));
        targetEl ??= span;
      }
      p.append(span);
    }
    body.append(p);
  }
  dialog.append(body);
  title.focus({ preventScroll: true });
  if (targetEl) {
    const target = targetEl;
    requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
  }
}

/** Closes the reader the way its close button does (calls the handler; the caller hides). */
export function closeReader(root: HTMLElement): void {
  states.get(root)?.handlers.onClose();
}

/** Empties and hides the reader and returns focus to where it was before it opened. */
export function hideReader(root: HTMLElement): void {
  const s = states.get(root);
  if (s) root.removeEventListener('keydown', s.onKey);
  states.delete(root);
  root.replaceChildren();
  root.hidden = true;
  if (s?.returnFocus?.isConnected) s.returnFocus.focus();
}

export function isReaderOpen(root: HTMLElement): boolean {
  return states.has(root);
}
