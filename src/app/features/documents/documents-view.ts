/**
 * The documents list: every source document with its publisher, date, body length, script,
 * what it contributed, and a button that opens it in the reader; above it, the document filter
 * (publisher, date range, script) that every count, colour, panel and chart follows.
 * createElement / text only.
 */
import { FILTER_DATE } from '../../state/doc-filter.ts';
import type { DocumentsData } from '../../data/load-site.ts';
import type { DocFilter } from '../../state/state.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { type DocumentsModel, documentsModel } from './documents-model.ts';
import { localeOf } from '../../i18n/locale.ts';
import { sourceAttrs } from '../../ui/source-text.ts';

export interface DocumentsListHandlers {
  onOpen(docId: string): void;
  /** The filter form changed: the new filter, or null for none. */
  onFilter(filter: DocFilter | null): void;
}


/** The filter form: each control applies on change; a date that is not ISO is marked invalid, not applied. */
function filterForm(model: DocumentsModel, filter: DocFilter | null, lang: Lang, onFilter: DocumentsListHandlers['onFilter']): HTMLElement {
  const current: DocFilter = filter ?? { publisher: null, from: null, to: null, script: null };
  const emit = (next: DocFilter) => onFilter(Object.values(next).some((v) => v !== null) ? next : null);
  const option = (value: string, text: string, selected: boolean, published = false) => {
    // A publisher is named as published ('zh': one name may stand for documents in either script).
    const o = el('option', { value, text, ...(published ? sourceAttrs('publisher', 'zh') : {}) });
    o.selected = selected;
    return o;
  };
  const pub = el('select', { id: uniqueId('filter-pub'), 'data-focus': 'filter-pub' },
    option('', t('filter.anyPublisher', lang), current.publisher === null),
    ...model.publishers.map((p) => option(p, p, p === current.publisher, true)));
  // A link may name a publisher that no document has: it stays shown, so the filter can be seen and cleared.
  if (current.publisher !== null && !model.publishers.includes(current.publisher)) pub.append(option(current.publisher, current.publisher, true, true));
  pub.addEventListener('change', () => emit({ ...current, publisher: pub.value || null }));
  const date = (key: 'from' | 'to') => {
    const input = el('input', { id: uniqueId(`filter-${key}`), 'data-focus': `filter-${key}`, type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM', size: '10', value: current[key] ?? '' });
    input.addEventListener('change', () => {
      const v = input.value.trim();
      const ok = v === '' || FILTER_DATE.test(v);
      input.setAttribute('aria-invalid', String(!ok));
      if (ok) emit({ ...current, [key]: v || null });
    });
    return input;
  };
  const from = date('from');
  const to = date('to');
  const script = el('select', { id: uniqueId('filter-script'), 'data-focus': 'filter-script' },
    option('', t('filter.anyScript', lang), current.script === null),
    ...model.scripts.map((sc) => option(sc, t(sc === 'zhHant' ? 'docs.script.zhHant' : 'docs.script.zhHans', lang), sc === current.script)));
  script.addEventListener('change', () => emit({ ...current, script: (script.value || null) as DocFilter['script'] }));
  const clear = el('button', { type: 'button', class: 'filter-clear', 'data-focus': 'filter-clear', text: t('filter.clear', lang) });
  clear.disabled = filter === null;
  clear.addEventListener('click', () => onFilter(null));
  const field = (label: string, control: HTMLElement) => el('label', { class: 'filter-field', for: control.id }, el('span', { text: label }), control);
  const titleId = uniqueId('filter-title');
  return el('fieldset', { class: 'docs-filter', 'aria-labelledby': titleId },
    el('legend', { id: titleId, text: t('filter.title', lang) }),
    field(t('filter.publisher', lang), pub),
    field(t('filter.from', lang), from),
    field(t('filter.to', lang), to),
    field(t('filter.script', lang), script),
    clear,
    el('p', { class: 'filter-line', role: 'status', text: model.noneMatch ? t('filter.none', lang) : model.filterLine }));
}

export type DocumentsRender = (lang: Lang) => void;

function render(root: HTMLElement, data: DocumentsData, filter: DocFilter | null, lang: Lang, handlers: DocumentsListHandlers): void {
  const model = documentsModel(data, lang, filter);
  const titleId = uniqueId('docs-title');
  const cols = ['colTitle', 'colPublisher', 'colDate', 'colLength', 'colScript', 'colFacts', 'colPlaces', 'colBody'] as const;
  const table = el('table', { class: 'docs-table', 'aria-labelledby': titleId },
    el('thead', {}, el('tr', {}, ...cols.map((k) => el('th', { scope: 'col', text: t(`docs.${k}`, lang) })), el('td'))));
  const body = el('tbody');
  for (const r of model.rows) {
    const open = el('button', { type: 'button', class: 'docs-open', 'aria-label': t('docs.openLabel', lang, { title: r.title }), text: t('docs.open', lang) });
    open.addEventListener('click', () => handlers.onOpen(r.id));
    body.append(el('tr', { 'data-doc': r.id, 'data-counts': String(r.counts), class: r.counts ? '' : 'docs-filtered-out' },
      el('th', { scope: 'row', class: 'docs-title-cell', ...sourceAttrs('title', r.lang), text: r.title }),
      el('td', { ...sourceAttrs('publisher', r.lang), text: r.publisher }),
      el('td', { class: 'docs-num', text: r.date }),
      el('td', { class: 'docs-num', text: r.lengthLabel }),
      el('td', { text: r.scriptLabel }),
      el('td', { class: 'docs-num', 'data-count': 'facts', text: String(r.factCount) }),
      el('td', { class: 'docs-num', 'data-count': 'places', text: String(r.placeCount) }),
      el('td', { text: r.bodySourceLabel }),
      el('td', {}, open)));
  }
  table.append(body);
  root.replaceChildren(el('section', { class: 'docs-list', 'aria-labelledby': titleId, lang: localeOf(lang).tag },
    el('h2', { id: titleId, class: 'docs-heading', text: t('docs.heading', lang) }),
    el('p', { class: 'docs-caption', text: `${t('docs.caption', lang)}${localeOf(lang).phraseJoin}${model.summary}` }),
    filterForm(model, filter, lang, handlers.onFilter),
    el('div', { class: 'docs-scroll' }, table)));
}

/** Draws the list into `root` and returns a function that redraws it in another language. */
export function mountDocumentsList(root: HTMLElement, data: DocumentsData, filter: DocFilter | null, lang: Lang, handlers: DocumentsListHandlers): DocumentsRender {
  render(root, data, filter, lang, handlers);
  return (l) => render(root, data, filter, l, handlers);
}
