/**
 * Facts per district by topic: horizontal stacked bars drawn as SVG (createElementNS and
 * textContent only; d3-scale for the count axis). Each district's bar is a button.
 */
import { scaleLinear } from 'd3-scale';
import type { AtlasIndex } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { type DistrictChartModel, districtTopicModel } from './district-topic-model.ts';
import { localeOf } from '../../i18n/locale.ts';

export interface DistrictChartHandlers {
  onSelectDistrict(id: string): void;
}

export type ChartRender = (state: Pick<AtlasState, 'topic' | 'place'>, lang: Lang) => void;

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const LABEL_W = 104;
const TOTAL_W = 40;
const BAR_H = 20;
const GAP = 8;
const AXIS_H = 26;
const PAD_B = 6;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Whole-number ticks of a nice 0…max scale. */
export function countTicks(max: number, approx = 5): { domainMax: number; ticks: number[] } {
  const x = scaleLinear().domain([0, Math.max(1, max)]).nice(approx);
  const ticks = x.ticks(approx).filter((v) => Number.isInteger(v));
  return { domainMax: x.domain()[1], ticks };
}

function chartSvg(model: DistrictChartModel, lang: Lang, handlers: DistrictChartHandlers, selected: string | null, titleId: string): SVGSVGElement {
  const plotW = W - LABEL_W - TOTAL_W;
  const h = AXIS_H + model.bars.length * (BAR_H + GAP) + PAD_B;
  const { domainMax, ticks } = countTicks(model.max);
  const x = scaleLinear().domain([0, domainMax]).range([0, plotW]);
  const fmt = new Intl.NumberFormat(localeOf(lang).tag);

  const root = svg('svg', { viewBox: `0 0 ${W} ${h}`, class: 'chart-svg', role: 'group', 'aria-labelledby': titleId, preserveAspectRatio: 'xMinYMin meet' });
  const axis = svg('g', { class: 'chart-axis', 'aria-hidden': 'true', transform: `translate(${LABEL_W},0)` });
  axis.append(svg('text', { class: 'chart-axis-title', x: -8, y: 12, 'text-anchor': 'end' }, t('charts.axis', lang)));
  for (const v of ticks) {
    const tx = x(v);
    axis.append(
      svg('line', { class: 'chart-grid', x1: tx, x2: tx, y1: AXIS_H - 6, y2: h - PAD_B }),
      svg('text', { class: 'chart-tick', x: tx, y: 12, 'text-anchor': 'middle' }, fmt.format(v)),
    );
  }
  root.append(axis);

  model.bars.forEach((bar, i) => {
    const y = AXIS_H + i * (BAR_H + GAP);
    const g = svg('g', {
      class: `chart-bar${bar.district === selected ? ' is-selected' : ''}`,
      role: 'button',
      tabindex: 0,
      'aria-label': bar.label,
      'data-district': bar.district,
      'data-total': bar.total,
    });
    if (bar.district === selected) g.setAttribute('aria-current', 'true');
    g.append(
      svg('rect', { class: 'chart-hit', x: 0, y: -GAP / 2, width: W, height: BAR_H + GAP }),
      svg('rect', { class: 'chart-focus', x: 1, y: -GAP / 2 + 1, width: W - 2, height: BAR_H + GAP - 2, rx: 3 }),
      svg('text', { class: 'chart-label', x: LABEL_W - 8, y: BAR_H / 2, 'dominant-baseline': 'central', 'text-anchor': 'end' }, bar.name),
    );
    let acc = 0;
    for (const s of bar.segments) {
      const x0 = x(acc);
      const x1 = x(acc + s.count);
      acc += s.count;
      const rect = svg('rect', {
        class: 'chart-seg',
        x: LABEL_W + x0,
        y: 0,
        width: Math.max(0, x1 - x0),
        height: BAR_H,
        fill: s.colour,
        'data-district': bar.district,
        'data-topic': s.topic,
        'data-count': s.count,
      });
      g.append(rect);
    }
    // The space keeps the visible name and total two words, so both stay part of the bar's
    // accessible name as it reads (WCAG 2.5.3); SVG draws no whitespace-only text.
    g.append(' ', svg('text', { class: 'chart-total', x: LABEL_W + x(bar.total) + 6, y: BAR_H / 2, 'dominant-baseline': 'central' }, fmt.format(bar.total)));
    const go = (ev: Event) => {
      ev.preventDefault();
      handlers.onSelectDistrict(bar.district);
    };
    g.addEventListener('click', go);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') go(ev);
      else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        const bars = [...root.querySelectorAll<SVGGElement>('.chart-bar')];
        const next = bars[bars.indexOf(g) + (ev.key === 'ArrowDown' ? 1 : -1)];
        next?.focus();
      }
    });
    // The breakdown is the row's tooltip, outside the button: inside it, tooltip text would count
    // as the button's visible text and no longer match its accessible name (WCAG 2.5.3).
    const breakdown = bar.segments.map((s) => t('charts.segment', lang, { name: bar.name, topic: s.label, n: fmt.format(s.count) })).join('\n');
    const row = svg('g', { class: 'chart-row', transform: `translate(0,${y})` });
    row.append(svg('title', {}, breakdown), g);
    root.append(row);
  });
  return root;
}

function render(root: HTMLElement, data: AtlasIndex, state: Pick<AtlasState, 'topic' | 'place'>, lang: Lang, handlers: DistrictChartHandlers): void {
  const focused = document.activeElement instanceof Element && root.contains(document.activeElement)
    ? document.activeElement.closest('[data-district]')?.getAttribute('data-district') ?? null
    : null;
  const model = districtTopicModel(data, state.topic, lang);
  const titleId = uniqueId('chart-title');
  const legend = el('ul', { class: 'chart-legend', 'aria-label': t('charts.legend', lang) });
  for (const e of model.legend) {
    const sw = el('span', { class: 'chart-swatch', 'aria-hidden': 'true' });
    sw.style.background = e.colour;
    legend.append(el('li', { 'data-topic': e.topic }, sw, e.label));
  }
  const figure = el('figure', { class: 'chart chart-district-topic', lang: localeOf(lang).tag },
    el('h2', { id: titleId, class: 'chart-title', text: model.title }),
    el('p', { class: 'chart-hint', text: t('charts.hint', lang) }),
    chartSvg(model, lang, handlers, state.place, titleId),
    legend,
    el('figcaption', { class: 'chart-caption', text: model.caption }));
  root.replaceChildren(figure);
  if (focused) root.querySelector<SVGGElement>(`.chart-bar[data-district="${CSS.escape(focused)}"]`)?.focus();
}

/**
 * Draws the chart into `root` (replacing its children) and returns a function that redraws
 * it for a new theme filter / selected place / language, keeping keyboard focus on the
 * same district's bar.
 */
export function mountDistrictChart(root: HTMLElement, data: AtlasIndex, state: Pick<AtlasState, 'topic' | 'place'>, lang: Lang, handlers: DistrictChartHandlers): ChartRender {
  render(root, data, state, lang, handlers);
  return (s, l) => render(root, data, s, l, handlers);
}
