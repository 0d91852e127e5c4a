/**
 * The search box: an ARIA combobox over a listbox of results (places, then sentences).
 * ArrowDown/ArrowUp move, Enter selects, Esc clears.
 */
import { type Lang, t, tParts } from '../../i18n/strings.ts';
import { el } from '../../ui/dom.ts';
import { sourceAttrs, sourceSpan, writtenLang } from '../../ui/source-text.ts';
import { type SearchIndex, type SearchResult, search } from './search-model.ts';

/** Sentences matching a query, as results (the prebuilt index; it may load files first). */
export type SentenceLookup = (query: string, limit: number) => Promise<SearchResult[]>;

/** The most results listed. */
const LIMIT = 12;

export interface SearchHandlers {
  onSelect(placeId: string, result: SearchResult): void;
}

export interface SearchController {
  /** Re-labels the box and re-runs the current query (after a language switch). */
  setLang(lang: Lang): void;
  /** Searches a new index from now on (the sentences arrive after the first view). */
  setIndex(index: SearchIndex): void;
  clear(): void;
  /** The results currently listed (for tests and scripts). */
  results(): SearchResult[];
  destroy(): void;
}

export function createSearch(
  input: HTMLInputElement,
  listbox: HTMLElement,
  initialIndex: SearchIndex,
  handlers: SearchHandlers,
  initialLang: Lang = 'zh',
  sentences?: SentenceLookup,
): SearchController {
  let lang = initialLang;
  let index = initialIndex;
  let current: SearchResult[] = [];
  let active = -1;
  const listId = listbox.id || (listbox.id = 'search-results');
  const status = el('div', { class: 'visually-hidden search-status', role: 'status', 'aria-live': 'polite' });
  listbox.after(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';
  input.spellcheck = false;
  listbox.setAttribute('role', 'listbox');

  const label = () => {
    input.setAttribute('aria-label', t('searchLabel', lang));
    input.placeholder = t('searchPlaceholder', lang);
    listbox.setAttribute('aria-label', t('searchResults', lang));
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;

  const setActive = (i: number) => {
    active = i;
    listbox.querySelectorAll('[role="option"]').forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', optionId(i));
      document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const choose = (i: number) => {
    const r = current[i];
    if (!r) return;
    close();
    handlers.onSelect(r.placeId, r);
  };

  // Each query gets a token: a sentence lookup that answers after the next keystroke is dropped.
  let token = 0;
  const render = () => {
    const q = input.value;
    const places = search(index, q, lang, LIMIT);
    draw(q, places);
    const mine = ++token;
    // `data-settled` names the query whose results are complete (scripts and the bench wait for it).
    const settled = () => mine === token && (listbox.dataset.settled = q);
    if (!sentences || places.length >= LIMIT || !q.trim()) return settled();
    sentences(q, LIMIT - places.length).then(
      (hits) => {
        if (mine === token && hits.length > 0) draw(q, [...places, ...hits], true);
        settled();
      },
      () => {
        if (mine === token) status.textContent = t('searchSentencesFailed', lang);
        settled();
      },
    );
  };

  const draw = (q: string, results: SearchResult[], keepActive = false) => {
    const was = keepActive ? active : -1;
    current = results;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren();
    if (!q.trim()) {
      status.textContent = '';
      close();
      return;
    }
    current.forEach((r, i) => {
      const li = el('li', { id: optionId(i), role: 'option', 'aria-selected': 'false', class: `search-option search-${r.type}`, 'data-place': r.placeId });
      li.append(el('span', { class: 'search-label', text: r.label }));
      if (r.type === 'fact') {
        li.append(el('span', { class: 'search-kind', text: t('searchInText', lang) }));
        // dir=auto isolates the sentence: its own direction cannot reorder the label beside it.
        li.append(el('span', { class: 'search-detail', ...sourceAttrs('quote', 'zh'), dir: 'auto', text: r.detail ?? '' }));
      } else if (r.detail) {
        // The alias that matched is a name as written (Chinese, or a Latin form such as ZGC), inside the UI's words.
        li.append(el('span', { class: 'search-detail' }, ...tParts<HTMLElement>('searchAlias', lang, { alias: sourceSpan('name', writtenLang(r.detail), r.detail) })));
      }
      // mousedown, not click: keeps focus in the box until the choice is made.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i);
      });
      listbox.append(li);
    });
    if (!current.length) listbox.append(el('li', { class: 'search-none', role: 'presentation', text: t('searchNone', lang, { q: q.trim() }) }));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', String(current.length > 0));
    status.textContent = current.length ? t('searchCount', lang, { n: String(current.length) }) : t('searchNone', lang, { q: q.trim() });
    if (was >= 0 && was < current.length) setActive(was);
  };

  const onInput = () => render();
  const onKey = (ev: KeyboardEvent) => {
    if (ev.isComposing) return; // IME candidate selection
    switch (ev.key) {
      case 'ArrowDown':
        ev.preventDefault();
        if (listbox.hidden && input.value.trim()) render();
        if (current.length) setActive((active + 1) % current.length);
        break;
      case 'ArrowUp':
        ev.preventDefault();
        if (current.length) setActive(active <= 0 ? current.length - 1 : active - 1);
        break;
      case 'Enter':
        if (current.length) {
          ev.preventDefault();
          choose(active >= 0 ? active : 0);
        }
        break;
      case 'Escape':
        if (input.value || !listbox.hidden) {
          ev.preventDefault();
          ev.stopPropagation();
          input.value = '';
          render();
        }
        break;
    }
  };
  const onBlur = () => close();

  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', onBlur);
  label();
  close();

  return {
    setIndex(next) {
      index = next;
      if (!listbox.hidden) render();
    },
    setLang(next) {
      lang = next;
      label();
      if (!listbox.hidden) render();
    },
    clear() {
      input.value = '';
      render();
    },
    results: () => [...current],
    destroy() {
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKey);
      input.removeEventListener('blur', onBlur);
      status.remove();
      listbox.replaceChildren();
    },
  };
}
