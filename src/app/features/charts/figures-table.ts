/**
 * The figures table: one row per figure the documents state, grouped by the year its
 * sentence names (targets marked), with the sentence, places and a "read in document" button.
 * Built with createElement and text nodes only.
 */
import type { AtlasData } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { type FigureRow, figuresModel, kindLabel } from './figures-model.ts';
import { localeOf } from '../../i18n/locale.ts';
import { citationParts } from '../../ui/citation.ts';
import { citationNodes, sourceAttrs } from '../../ui/source-text.ts';

export interface FiguresTableHandlers {
  onRead(docId: string, factId: string): void;
  onSelectPlace(id: string): void;
}

export type FiguresRender = (state: Pick<AtlasState, 'topic'>, lang: Lang) => void;

function rowEl(r: FigureRow, lang: Lang, handlers: FiguresTableHandlers): HTMLTableRowElement {
  const figure = el('th', { scope: 'row', class: 'figure-text' }, el('span', { ...sourceAttrs('figure', r.lang), text: r.text }));
  if (r.target) figure.append(' ', el('span', { class: 'figure-target', title: t('figures.targetHint', lang), text: t('figures.target', lang) }));
  const sentence = el('td', { class: 'figure-sentence' },
    el('q', sourceAttrs('quote', r.lang), r.before, el('mark', { text: r.text }), r.after));
  const places = el('td', { class: 'figure-places' });
  for (const p of r.places) {
    const b = el('button', { type: 'button', class: `figure-place how-${p.how}`, title: t('figures.selectPlace', lang, { name: p.name }), text: p.name });
    b.addEventListener('click', () => handlers.onSelectPlace(p.id));
    places.append(b, ' ');
  }
  const read = el('button', { type: 'button', class: 'figure-read', 'aria-label': t('figures.readLabel', lang, { figure: r.text }), text: t('figures.read', lang) });
  read.addEventListener('click', () => handlers.onRead(r.docId, r.factId));
  // Title and date only (the full citation is its tooltip): the title as published, in the document's script.
  const short = citationNodes(citationParts({ ...r.citation, publisher: '' }, lang), r.lang);
  const source = el('td', { class: 'figure-source' }, el('cite', { title: r.citationText }, ...short), el('br'), read);
  return el('tr', { 'data-fact': r.factId, 'data-figure': r.key, 'data-kind': r.kind },
    figure,
    el('td', { class: 'figure-kind', text: kindLabel(r.kind, lang) }),
    el('td', { class: 'figure-measure', ...sourceAttrs('quote', r.lang), text: r.measure }),
    sentence,
    places,
    source);
}

function render(root: HTMLElement, data: AtlasData, state: Pick<AtlasState, 'topic'>, lang: Lang, handlers: FiguresTableHandlers): void {
  const model = figuresModel(data, state.topic, lang);
  const titleId = uniqueId('figures-title');
  const section = el('section', { class: 'figures', 'aria-labelledby': titleId, lang: localeOf(lang).tag },
    el('h2', { id: titleId, class: 'figures-title', text: model.title }),
    el('p', { class: 'figures-caption', text: model.caption }),
    el('p', { class: 'figures-count', text: model.countLine }));
  if (model.empty) {
    section.append(el('p', { class: 'figures-empty', text: model.empty }));
  } else {
    const head = el('tr', {}, ...(['colFigure', 'colKind', 'colMeasure', 'colSentence', 'colPlaces', 'colSource'] as const)
      .map((k) => el('th', { scope: 'col', text: t(`figures.${k}`, lang) })));
    const table = el('table', { class: 'figures-table', 'aria-labelledby': titleId }, el('thead', {}, head));
    for (const g of model.groups) {
      const body = el('tbody', { 'data-year': g.year === null ? '' : String(g.year), class: g.target ? 'is-target' : undefined },
        el('tr', { class: 'figures-group' }, el('th', { scope: 'rowgroup', colspan: '6', text: g.label })));
      for (const r of g.rows) body.append(rowEl(r, lang, handlers));
      table.append(body);
    }
    section.append(el('div', { class: 'figures-scroll' }, table));
  }
  root.replaceChildren(section);
}

/** Draws the table into `root` and returns a function that redraws it for a new theme / language. */
export function mountFiguresTable(root: HTMLElement, data: AtlasData, state: Pick<AtlasState, 'topic'>, lang: Lang, handlers: FiguresTableHandlers): FiguresRender {
  render(root, data, state, lang, handlers);
  return (s, l) => render(root, data, s, l, handlers);
}
