/**
 * The views over the map (state.view): charts (facts per district by topic, the figures the
 * documents state) and the documents list. Mounted when opened (and again on a language change);
 * the charts follow topic and selection in place. Loaded on first use (main.ts), so d3 and
 * the charts stay out of the first view; the buttons belong to main.ts.
 */
import { type AtlasData, type AtlasIndex, indexFacts } from '../../data/atlas-data.ts';
import type { DocumentsData } from '../../data/load-site.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import type { Store } from '../../state/store.ts';
import { mountDistrictChart, type ChartRender } from '../charts/district-topic-chart.ts';
import { mountFiguresTable, type FiguresRender } from '../charts/figures-table.ts';
import { mountDocumentsList } from '../documents/documents-view.ts';

/** Where the views' data comes from: the summary's counts (filtered), and files loaded on first use. */
export interface OverlaySources {
  index: AtlasIndex;
  documents(): Promise<DocumentsData>;
  figures(): Promise<AtlasData>;
  /** The documents the filter lets count, or null without a filter. */
  filterDocs(): ReadonlySet<string> | null;
}

export interface OverlayHandle {
  /** The counts changed under the view (a document filter's tallies are in): draw it again. */
  refresh(s: AtlasState): void;
}

export function overlayView(root: HTMLElement, store: Store, sources: OverlaySources, buttons: { charts: HTMLElement; docs: HTMLElement }): OverlayHandle {
  let shown: AtlasState['view'] = null;
  let token = 0;
  const figuresOf = (all: AtlasData): AtlasData => {
    const docs = sources.filterDocs();
    return docs ? indexFacts({ documents: all.file.documents, places: all.file.places, facts: all.file.facts.filter((f) => docs.has(f.doc)) }) : all;
  };
  const failed = (box: HTMLElement, lang: Lang, e: Error) => box.replaceChildren(Object.assign(document.createElement('p'), { className: 'overlay-error', role: 'alert', textContent: t('viewLoadFailed', lang, { reason: e.message }) }));
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

  const mount = (s: AtlasState, focusHeading = true) => {
    const { head, h } = frame(s.lang, s.view === 'charts' ? 'chartsOpen' : 'docsOpen');
    const body = document.createElement('div');
    body.className = 'overlay-body';
    root.replaceChildren(head, body);
    chart = figures = null;
    if (s.view === 'charts') {
      const chartBox = document.createElement('section');
      const figuresBox = document.createElement('section');
      body.append(chartBox, figuresBox);
      chart = mountDistrictChart(chartBox, sources.index, s, s.lang, { onSelectDistrict: (id) => store.set({ place: id, view: null }) });
      figuresBox.textContent = t('loadingSentences', s.lang);
      const mine = ++token;
      sources.figures().then(
        (all) => {
          if (mine !== token) return;
          figures = mountFiguresTable(figuresBox, figuresOf(all), store.get(), store.get().lang, {
            onRead: (doc, fact) => store.set({ doc, fact }),
            onSelectPlace: (id) => store.set({ place: id, view: null }),
          });
        },
        (e: Error) => mine === token && failed(figuresBox, s.lang, e),
      );
    } else {
      body.textContent = t('loadingSentences', s.lang);
      const mine = ++token;
      sources.documents().then(
        (docs) => {
          if (mine !== token) return;
          body.replaceChildren();
          mountDocumentsList(body, docs, store.get().filter, store.get().lang, {
            onOpen: (doc) => store.set({ doc, fact: null }),
            onFilter: (filter) => store.set({ filter }),
          });
        },
        (e: Error) => mine === token && failed(body, s.lang, e),
      );
    }
    root.hidden = false;
    if (focusHeading) h.focus();
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
  return {
    // Counts and the filtered figures and documents are drawn anew; focus stays where it was.
    refresh: (s) => {
      if (!s.view) return;
      const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.dataset.focus : undefined;
      mount(s, false);
      if (focused) void Promise.resolve().then(() => root.querySelector<HTMLElement>(`[data-focus="${focused}"]`)?.focus());
    },
  };
}
