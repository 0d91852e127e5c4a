/**
 * The legend and layer panel: what the map shows (theme line, choropleth classes with a
 * marked zero class), the theme select, and a checkbox with legend symbols per layer.
 */
import type { Topic } from '../../../types.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { LAYER_CATALOG } from '../../map/layer-catalog.ts';
import { type AtlasState, LAYER_IDS, type LayerId } from '../../state/state.ts';
import { el, keepingFocus, uniqueId } from '../../ui/dom.ts';
import { legendSymbol } from '../../ui/legend-symbol.ts';
import { TOPIC_ORDER, isTopic, topicLabel } from '../../ui/labels.ts';
import { localeOf } from '../../i18n/locale.ts';
import { type LegendClass, classLabel, lineSample, themeLine } from './legend-model.ts';

export interface LegendHandlers {
  onToggleLayer(id: LayerId, on: boolean): void;
  onTopic(topic: Topic | null): void;
}

const swatch = legendSymbol;

/** A document filter in force: what the legend says of it ("2 of 5 documents count"), and how to clear it. */
export interface LegendFilter {
  line: string;
  onClear(): void;
}

export function renderLegend(
  root: HTMLElement,
  state: Pick<AtlasState, 'layers' | 'topic'>,
  classes: LegendClass[],
  lang: Lang,
  handlers: LegendHandlers,
  filter: LegendFilter | null = null,
): void {
  const headingId = uniqueId('legend-heading');
  const box = el('section', { class: 'legend', 'aria-labelledby': headingId, lang: localeOf(lang).tag },
    el('h2', { id: headingId, class: 'legend-title', text: t('legendHeading', lang) }));

  // Theme select.
  const selectId = uniqueId('theme-select');
  const select = el('select', { id: selectId, class: 'theme-select', 'data-focus': 'theme' });
  select.append(el('option', { value: '', text: t('themeAll', lang) }));
  for (const topic of TOPIC_ORDER) select.append(el('option', { value: topic, text: topicLabel(topic, lang) }));
  select.value = state.topic ?? '';
  select.addEventListener('change', () => handlers.onTopic(isTopic(select.value) ? select.value : null));
  box.append(el('div', { class: 'legend-theme' }, el('label', { for: selectId, text: t('themeLabel', lang) }), select));

  // What the colours mean.
  box.append(el('p', { class: 'legend-shown', text: themeLine(state.topic, lang) }));
  box.append(el('p', { class: 'legend-rule', text: t('countRule', lang) }));
  // Counts from some documents only: said where the colours are explained, with the way back.
  if (filter) {
    const clear = el('button', { type: 'button', class: 'filter-clear', 'data-focus': 'legend-filter-clear', text: t('filter.clear', lang) });
    clear.addEventListener('click', () => filter.onClear());
    box.append(el('p', { class: 'legend-filter' }, el('span', { text: filter.line }), ' ', clear));
  }
  const ul = el('ul', { class: 'legend-classes' });
  for (const c of classes) {
    const zero = c.max === 0;
    ul.append(el('li', { class: zero ? 'legend-class class-zero' : 'legend-class', 'data-min': String(c.min), 'data-max': String(c.max) },
      swatch(zero ? 'fill-zero' : 'fill', c.colour), el('span', { text: classLabel(c, lang) })));
  }
  box.append(ul);

  // Layers.
  const fieldset = el('fieldset', { class: 'legend-layers' }, el('legend', { text: t('layersToggle', lang) }));
  for (const id of LAYER_IDS) {
    const entry = LAYER_CATALOG[id];
    const inputId = uniqueId(`layer-${id}`);
    const input = el('input', { type: 'checkbox', id: inputId, 'data-layer': id, 'data-focus': `layer-${id}` });
    input.checked = state.layers.includes(id);
    input.addEventListener('change', () => handlers.onToggleLayer(id, input.checked));
    const symbols = el('ul', { class: 'legend-symbols' });
    for (const e of entry.legend) symbols.append(el('li', {}, swatch(e.symbol, e.colour, e.line && lineSample(e.line)), el('span', { text: t(e.labelKey, lang) })));
    fieldset.append(el('div', { class: 'legend-layer' }, input, el('label', { for: inputId, text: t(entry.labelKey, lang) }), symbols));
  }
  box.append(fieldset);

  box.append(el('p', { class: 'legend-note', text: t('schematicNote', lang) }));
  // Each change re-renders the legend: the control that made it keeps keyboard focus.
  keepingFocus(root, () => root.replaceChildren(box));
}
