/**
 * The documents list: every source document with its publisher, date, body length, script,
 * what it contributed, and a button that opens it in the reader. createElement / text only.
 */
import type { AtlasData } from '../data/atlas-data.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { el, uniqueId } from './dom.ts';
import { documentsModel } from './documents-list-model.ts';

export interface DocumentsListHandlers {
  onOpen(docId: string): void;
}

export type DocumentsRender = (lang: Lang) => void;

function render(root: HTMLElement, data: AtlasData, lang: Lang, handlers: DocumentsListHandlers): void {
  const model = documentsModel(data, lang);
  const titleId = uniqueId('docs-title');
  const cols = ['colTitle', 'colPublisher', 'colDate', 'colLength', 'colScript', 'colFacts', 'colPlaces', 'colBody'] as const;
  const table = el('table', { class: 'docs-table', 'aria-labelledby': titleId },
    el('thead', {}, el('tr', {}, ...cols.map((k) => el('th', { scope: 'col', text: t(`docs.${k}`, lang) })), el('td'))));
  const body = el('tbody');
  for (const r of model.rows) {
    const open = el('button', { type: 'button', class: 'docs-open', 'aria-label': t('docs.openLabel', lang, { title: r.title }), text: t('docs.open', lang) });
    open.addEventListener('click', () => handlers.onOpen(r.id));
    body.append(el('tr', { 'data-doc': r.id },
      el('th', { scope: 'row', class: 'docs-title-cell', lang: r.lang, text: r.title }),
      el('td', { lang: r.lang, text: r.publisher }),
      el('td', { class: 'docs-num', text: r.date }),
      el('td', { class: 'docs-num', text: r.lengthLabel }),
      el('td', { lang: r.lang, text: r.scriptLabel }),
      el('td', { class: 'docs-num', 'data-count': 'facts', text: String(r.factCount) }),
      el('td', { class: 'docs-num', 'data-count': 'places', text: String(r.placeCount) }),
      el('td', { text: r.bodySourceLabel }),
      el('td', {}, open)));
  }
  table.append(body);
  root.replaceChildren(el('section', { class: 'docs-list', 'aria-labelledby': titleId, lang: lang === 'en' ? 'en' : 'zh-Hans' },
    el('h2', { id: titleId, class: 'docs-heading', text: t('docs.heading', lang) }),
    el('p', { class: 'docs-caption', text: `${t('docs.caption', lang)}${lang === 'zh' ? '' : ' '}${model.summary}` }),
    el('div', { class: 'docs-scroll' }, table)));
}

/** Draws the list into `root` and returns a function that redraws it in another language. */
export function mountDocumentsList(root: HTMLElement, data: AtlasData, lang: Lang, handlers: DocumentsListHandlers): DocumentsRender {
  render(root, data, lang, handlers);
  return (l) => render(root, data, l, handlers);
}
