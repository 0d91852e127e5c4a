/**
 * The views over the map (state.view): charts (facts per district by topic, the figures the
 * documents state) and the documents list. Mounted when opened (and again on a language change);
 * the charts follow topic and selection in place. Loaded on first use (main.ts), so d3 and
 * the charts stay out of the first view; the buttons belong to main.ts.
 */
import type { AtlasData } from '../data/atlas-data.ts';
import { type Lang, t } from '../i18n/strings.ts';
import type { AtlasState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { mountDistrictChart, type ChartRender } from '../charts/district-topic-chart.ts';
import { mountFiguresTable, type FiguresRender } from '../charts/figures-table.ts';
import { mountDocumentsList } from '../ui/documents-list.ts';

export function overlayView(root: HTMLElement, store: Store, data: AtlasData, buttons: { charts: HTMLElement; docs: HTMLElement }): void {
  let shown: AtlasState['view'] = null;
  let chart: ChartRender | null = null;
  let figures: FiguresRender | null = null;
  // Not a live region: focus goes to the view's heading, and reading out a whole chart or
  // table on opening would drown it. The view is a region named by that heading instead.
  root.removeAttribute('aria-live');

  const frame = (lang: Lang, titleKey: 'chartsOpen' | 'docsOpen') => {
    const head = document.createElement('div');
    head.className = 'overlay-head';
    const h = document.createElement('h2');
    h.textContent = t(titleKey, lang);
    h.tabIndex = -1;
    h.id = `overlay-title-${titleKey}`;
    root.setAttribute('aria-labelledby', h.id);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'overlay-close';
    close.textContent = t('overlayClose', lang);
    close.addEventListener('click', () => store.set({ view: null }));
    head.append(h, close);
    return { head, h };
  };

  const mount = (s: AtlasState) => {
    const { head, h } = frame(s.lang, s.view === 'charts' ? 'chartsOpen' : 'docsOpen');
    const body = document.createElement('div');
    body.className = 'overlay-body';
    root.replaceChildren(head, body);
    chart = figures = null;
    if (s.view === 'charts') {
      const chartBox = document.createElement('section');
      const figuresBox = document.createElement('section');
      body.append(chartBox, figuresBox);
      chart = mountDistrictChart(chartBox, data, s, s.lang, { onSelectDistrict: (id) => store.set({ place: id, view: null }) });
      figures = mountFiguresTable(figuresBox, data, s, s.lang, {
        onRead: (doc, fact) => store.set({ doc, fact }),
        onSelectPlace: (id) => store.set({ place: id, view: null }),
      });
    } else {
      mountDocumentsList(body, data, s.lang, { onOpen: (doc) => store.set({ doc, fact: null }) });
    }
    root.hidden = false;
    h.focus();
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    buttons.charts.setAttribute('aria-pressed', String(s.view === 'charts'));
    buttons.docs.setAttribute('aria-pressed', String(s.view === 'docs'));
    if (s.view !== shown || (s.view && prev && s.lang !== prev.lang)) {
      const was = shown;
      shown = s.view;
      if (!s.view) {
        const hadFocus = root.contains(document.activeElement);
        root.hidden = true;
        root.replaceChildren();
        root.removeAttribute('aria-labelledby');
        chart = figures = null;
        // Closed from inside (its button, Esc): focus goes back to the header button that opened it.
        if (hadFocus && was) buttons[was].focus();
      } else mount(s);
      return;
    }
    if (prev && (s.topic !== prev.topic || s.place !== prev.place)) {
      chart?.(s, s.lang);
      figures?.(s, s.lang);
    }
  };

  store.subscribe(render);
  render(store.get(), null);
}
