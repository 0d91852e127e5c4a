/**
 * The document reader: a modal view of one source document's body, with the cited sentence
 * marked, every sentence that names places selectable, and the place names in it (mentions
 * of the fact's explicit places) as buttons. Scrolling makes the sentence nearest the middle
 * 'current' once the scrolling stops. Text nodes only, built by offsets.
 */
import type { DocumentRecord, Fact } from '../../../types.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { el, onActivate, uniqueId } from '../../ui/dom.ts';
import { inertText } from '../../ui/inert-text.ts';
import { formatCitation, citationOf, quoteLang } from '../../ui/citation.ts';
import { type MentionPlace, mentionIndex, nearestToCentre, paragraphs, segments } from './reader-model.ts';
import { fetchDataText } from '../../data/fetch-data-file.ts';
import { localeOf } from '../../i18n/locale.ts';
import { sourceAttrs, sourceSpan } from '../../ui/source-text.ts';

export interface ReaderHandlers {
  /**
   * A place was chosen: a mention in the text, or — when there is no onSentence — a sentence
   * naming places (its first place).
   */
  onSelect(placeId: string): void;
  onClose(): void;
  /** Place name for labels (optional; the id is used otherwise). */
  nameOf?(placeId: string): string;
  /**
   * A sentence naming places became current: chosen (click, or keyboard focus on one of its
   * mentions) or scrolled to the middle of the reader (after the scrolling stops, ~200 ms).
   * placeIds: the fact's places, explicit ones first. Not called for the sentence the reader
   * was opened at until another one has been current. Optional.
   */
  onSentence?(factId: string, placeIds: string[]): void;
}

export interface ReaderOptions {
  /** Places whose names and aliases mark mentions (data.places.values()); none without it. */
  places?: Iterable<MentionPlace>;
  /** Quiet time after scrolling before the middle sentence becomes current (ms, default 200). */
  settleMs?: number;
}

interface ReaderState {
  handlers: ReaderHandlers;
  returnFocus: HTMLElement | null;
  onKey: (ev: KeyboardEvent) => void;
  /** Disconnects observers and timers of the open document. */
  cleanup?: () => void;
}

const states = new WeakMap<HTMLElement, ReaderState>();

/** Where the decoded documents are served (offsets equal the facts' offsets). */
export function docUrl(docId: string): string {
  return `data/docs/${encodeURIComponent(docId)}.txt`;
}

/** Fetches a decoded document; throws a DataFileError (its `reason` says why) like every data file. */
export function loadDocText(docId: string, fetcher: typeof fetch = fetch): Promise<string> {
  return fetchDataText(docUrl(docId), 'npm run data', fetcher);
}

/** `titleAttrs`: the title's own attributes (a document's title is published text: sourceAttrs). */
function frame(root: HTMLElement, lang: Lang, handlers: ReaderHandlers, titleText: string, titleAttrs: Record<string, string> = {}): { dialog: HTMLElement; title: HTMLElement } {
  const prev = states.get(root);
  if (prev) {
    root.removeEventListener('keydown', prev.onKey);
    prev.cleanup?.();
  }
  const active = document.activeElement;
  const returnFocus = prev?.returnFocus ?? (active instanceof HTMLElement && !root.contains(active) ? active : null);
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      handlers.onClose();
    } else if (ev.key === 'Tab') keepTabWithin(root, ev);
  };
  root.addEventListener('keydown', onKey);
  states.set(root, { handlers, returnFocus, onKey });

  const titleId = uniqueId('reader-title');
  const title = el('h2', { id: titleId, class: 'reader-title', tabindex: '-1', text: titleText, ...titleAttrs });
  const close = el('button', { type: 'button', class: 'reader-close', 'aria-label': t('closeReader', lang), title: t('close', lang), text: '×' });
  close.addEventListener('click', () => handlers.onClose());
  const dialog = el('div', { class: 'reader', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, lang: localeOf(lang).tag },
    el('div', { class: 'reader-head' }, title, close));
  const backdrop = el('div', { class: 'reader-backdrop' });
  backdrop.addEventListener('click', () => handlers.onClose());
  root.hidden = false;
  root.replaceChildren(backdrop, dialog);
  return { dialog, title };
}

const TABBABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle within the open reader (a modal dialog): past its last control
 * focus returns to its first, and before its first (or from the title) to its last, instead
 * of wandering into the page behind the backdrop.
 */
function keepTabWithin(root: HTMLElement, ev: KeyboardEvent): void {
  const tabbable = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((e) => e.getClientRects().length > 0);
  if (!tabbable.length) return;
  const i = tabbable.indexOf(document.activeElement as HTMLElement);
  const to = ev.shiftKey ? (i <= 0 ? tabbable.length - 1 : null) : i === tabbable.length - 1 ? 0 : null;
  if (to === null) return;
  ev.preventDefault();
  tabbable[to].focus();
}

/** Shows a loading or error message in the reader frame (e.g. while fetching the text). */
export function showReaderMessage(root: HTMLElement, title: string, message: string, lang: Lang, handlers: ReaderHandlers, isError = false): void {
  const { dialog, title: h } = frame(root, lang, handlers, title);
  dialog.append(el('p', { class: isError ? 'reader-error' : 'reader-loading', role: isError ? 'alert' : 'status', text: message }));
  h.focus();
}

/** The fact's place ids, explicit ones first. */
function placeIdsOf(f: Fact): string[] {
  return [...f.places.filter((p) => p.how === 'explicit'), ...f.places.filter((p) => p.how !== 'explicit')]
    .map((p) => p.id)
    .filter((id, i, all) => all.indexOf(id) === i);
}

export function openReader(
  root: HTMLElement,
  doc: DocumentRecord,
  text: string,
  facts: readonly Fact[],
  targetFactId: string | null,
  lang: Lang,
  handlers: ReaderHandlers,
  options: ReaderOptions = {},
): void {
  const docLang = quoteLang(doc.script);
  const { dialog, title } = frame(root, lang, handlers, doc.title, sourceAttrs('title', docLang));
  const state = states.get(root)!;

  const citation = citationOf(doc, doc.id);
  const meta = el('p', { class: 'reader-meta' });
  // The publisher as published; the date and separators are the UI's.
  if (citation.publisher) meta.append(sourceSpan('publisher', docLang, citation.publisher));
  if (citation.publisher && citation.date) meta.append(localeOf(lang).clauseSeparator);
  if (citation.date) meta.append(el('span', { text: citation.date }));
  if (doc.url && /^https?:\/\//.test(doc.url)) {
    meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank', text: t('source', lang) }));
  }
  dialog.append(meta, el('p', { class: 'reader-hint', text: t('readerHint', lang) }));

  const factById = new Map(facts.map((f) => [f.id, f]));
  const nameOf = (id: string) => handlers.nameOf?.(id) ?? id;
  // Focusable, so the keys scroll the text even where it has no mention buttons to Tab to.
  const body = el('div', { class: 'reader-body', role: 'region', tabindex: '0', ...sourceAttrs('document', docLang), 'aria-label': formatCitation(citation, lang) });
  const sentences = new Map<string, HTMLElement[]>();
  let current: string | null = targetFactId;
  const setCurrent = (factId: string, notify: boolean) => {
    if (factId === current) return;
    for (const e of sentences.get(current ?? '') ?? []) e.classList.remove('reader-current');
    current = factId;
    for (const e of sentences.get(factId) ?? []) e.classList.add('reader-current');
    const f = factById.get(factId);
    if (notify && f && handlers.onSentence) handlers.onSentence(factId, placeIdsOf(f));
  };
  const chooseSentence = (factId: string) => {
    const f = factById.get(factId);
    if (!f || !f.places.length) return;
    if (handlers.onSentence) {
      current = current === factId ? null : current; // a click always reports, even on the current sentence
      setCurrent(factId, true);
    } else handlers.onSelect(f.places[0].id);
  };

  const index = options.places ? mentionIndex(options.places) : undefined;
  let targetEl: HTMLElement | null = null;
  for (const para of paragraphs(segments(text, doc.bodyStart, doc.bodyEnd, facts, targetFactId, index))) {
    const p = el('p');
    let sentence: HTMLElement | null = null;
    for (const s of para) {
      if (!s.factId) {
        sentence = null;
        p.append(document.createTextNode(inertText(s.text)));
        continue;
      }
      if (!sentence || sentence.dataset.fact !== s.factId) {
        const factId = s.factId;
        sentence = s.target ? document.createElement('mark') : document.createElement('span');
        const span = sentence;
        span.className = s.target ? 'reader-fact reader-target' : 'reader-fact';
        span.dataset.fact = factId;
        if (s.placeId) {
          span.classList.add('reader-link');
          span.title = t('readerSelectPlace', lang, { name: nameOf(s.placeId) });
          span.addEventListener('click', () => chooseSentence(factId));
        }
        if (s.target) {
          span.setAttribute('aria-description', t('readerTarget', lang));
          targetEl ??= span;
        }
        const list = sentences.get(factId) ?? [];
        list.push(span);
        sentences.set(factId, list);
        p.append(span);
      }
      if (s.mention) {
        const placeId = s.mention;
        const m = el('span', { class: 'mention', role: 'button', tabindex: '0', 'data-place': placeId, title: t('readerMention', lang, { name: nameOf(placeId) }) });
        m.append(document.createTextNode(inertText(s.text)));
        onActivate(m, (ev) => {
          ev.stopPropagation();
          handlers.onSelect(placeId);
        });
        sentence.append(m);
      } else sentence.append(document.createTextNode(inertText(s.text)));
    }
    body.append(p);
  }
  // A sentence with places but no mention buttons is itself the button; otherwise its
  // mentions are (no buttons inside buttons), and keyboard focus on one makes it current.
  for (const [factId, spans] of sentences) {
    if (!spans[0].classList.contains('reader-link')) continue;
    const hasMentions = spans.some((e) => e.querySelector('.mention'));
    for (const span of spans) {
      if (!hasMentions) {
        span.setAttribute('role', 'button');
        span.tabIndex = 0;
        span.dataset.place = factById.get(factId)?.places[0]?.id ?? '';
        span.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            chooseSentence(factId);
          }
        });
      } else {
        span.addEventListener('focusin', (ev) => {
          const tgt = ev.target;
          if (tgt instanceof HTMLElement && tgt.matches(':focus-visible')) setCurrent(factId, true);
        });
      }
    }
  }
  for (const e of sentences.get(current ?? '') ?? []) e.classList.add('reader-current');
  dialog.append(body);
  title.focus({ preventScroll: true });
  if (targetEl) {
    const target = targetEl;
    requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
  }
  state.cleanup = watchScroll(body, sentences, (factId) => setCurrent(factId, true), options.settleMs ?? 200);
}

/**
 * Watches which place-naming sentences are in view (IntersectionObserver) and, once
 * scrolling has stopped for `settleMs`, reports the one nearest the body's vertical middle.
 * Starts listening after the initial scroll to the target has happened.
 */
function watchScroll(body: HTMLElement, sentences: Map<string, HTMLElement[]>, onSettle: (factId: string) => void, settleMs: number): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const visible = new Set<HTMLElement>();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const tgt = e.target as HTMLElement;
      if (e.isIntersecting) visible.add(tgt);
      else visible.delete(tgt);
    }
  }, { root: body });
  for (const spans of sentences.values()) for (const s of spans) if (s.classList.contains('reader-link')) io.observe(s);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    const box = body.getBoundingClientRect();
    const boxes = [...visible].map((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, factId: e.dataset.fact ?? '' };
    });
    const best = nearestToCentre(boxes, box.top + box.height / 2);
    if (best?.factId) onSettle(best.factId);
  };
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, settleMs);
  };
  const start = setTimeout(() => body.addEventListener('scroll', onScroll, { passive: true }), settleMs + 100);
  return () => {
    clearTimeout(start);
    clearTimeout(timer);
    body.removeEventListener('scroll', onScroll);
    io.disconnect();
  };
}

/** Closes the reader the way its close button does (calls the handler; the caller hides). */
export function closeReader(root: HTMLElement): void {
  states.get(root)?.handlers.onClose();
}

/** Empties and hides the reader and returns focus to where it was before it opened. */
export function hideReader(root: HTMLElement): void {
  const s = states.get(root);
  if (s) {
    root.removeEventListener('keydown', s.onKey);
    s.cleanup?.();
  }
  states.delete(root);
  root.replaceChildren();
  root.hidden = true;
  if (s?.returnFocus?.isConnected) s.returnFocus.focus();
}

export function isReaderOpen(root: HTMLElement): boolean {
  return states.has(root);
}
