/** Entry point: load data, draw the map, wire state ⇄ URL ⇄ views, expose `window.atlas`. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import './styles.css';
import type { Topic } from '../types.ts';
import { type Lang, type StringKey, t } from './i18n/strings.ts';
import { loadBoundaries, type Boundaries } from './data/load-boundaries.ts';
import { FACTS_COMMAND } from './data/load-facts.ts';
import { DOCUMENTS_URL, loadDocFacts, loadSummary } from './data/load-site.ts';
import { createSentences, once } from './data/sentences.ts';
import { type AtlasData, type AtlasIndex, indexFacts } from './data/atlas-data.ts';
import { DataFileError, fetchDataFile } from './data/fetch-data-file.ts';
import { factDocOf } from '../contract.ts';
import { emptyTally, sumTallies } from '../place-facts.ts';
import { matchingDocs, sameFilter } from './state/doc-filter.ts';
import { sentenceSearch } from './ui/sentence-search.ts';
import { webglView } from './map/webgl-view.ts';
import { choroplethLegend } from './map/choropleth.ts';
import { placeCamera } from './map/place-camera.ts';
import { type AtlasState } from './state/state.ts';
import { createStore, type Store } from './state/store.ts';
import { excerpt, groupNotices, parseState, type Known, type Notice } from './state/url-state.ts';
import { bindUrl } from './state/url-sync.ts';
import { afterPaint } from './platform/after-paint.ts';
import { showError } from './ui/error-screen.ts';
import { inertText } from './ui/inert-text.ts';
import { closePanel, renderPanel } from './ui/panel.ts';
import { panelModel } from './ui/panel-model.ts';
import { renderLegend } from './ui/legend.ts';
import { markCurrentPlace, renderPlaceList } from './ui/place-list.ts';
import { buildSearchIndex, sentenceResults, type Fold } from './ui/search-index.ts';
import { loadT2S } from './ui/script-convert.ts';
import { createSearch } from './ui/search.ts';
import { closeReader, hideReader, isReaderOpen, loadDocText, openReader, showReaderMessage } from './ui/reader.ts';
import { textProblem } from './ui/reader-model.ts';
import { initLayout, labelLangToggle } from './ui/layout.ts';
import { TOPIC_ORDER, placeName } from './ui/labels.ts';
import { fetchStory, parseStory, STORY_URL, type Story } from './tour/story.ts';
import { tourView, type TourView } from './views/tour-view.ts';
import type { OverlayHandle, OverlaySources } from './views/overlay-view.ts';
import { mountAtlasExport } from './export/index.ts';
import { type FallbackReason, type MapView, hasWebgl2, showPlace } from './map/map-view.ts';
import { isLang, localeOf } from './i18n/locale.ts';

export interface AtlasHandle {
  /** The MapLibre map; null when the SVG map is shown (no WebGL). */
  map: MapLibreMap | null;
  /** Which map is shown: MapLibre, or the SVG map drawn when WebGL cannot be used. */
  renderer: MapView['kind'] | null;
  /** Resolves when the map is idle with all data drawn; rejects with the error the page shows. */
  ready: Promise<void>;
  /**
   * Resolves when what the state shows has loaded or failed (a place's file for its panel, a
   * document's for the reader, the story's, a view's, a document filter's counts); `ready`
   * waits for it when the link opens any of them. A failure is a notice, never a rejection.
   */
  sentences(): Promise<void>;
  /** The current state (what the URL hash says), for scripts. */
  state(): AtlasState | null;
}

declare global {
  interface Window {
    atlas: AtlasHandle;
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const asked = new URLSearchParams(location.hash.slice(1)).get('lang');
const hashLang: Lang = isLang(asked) ? asked : 'zh';

function applyStrings(lang: Lang) {
  document.documentElement.lang = localeOf(lang).tag;
  document.title = `${t('title', lang)} · ${t('title', localeOf(lang).next)}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as StringKey, lang);
  $('search').setAttribute('placeholder', t('searchPlaceholder', lang));
  $('search').setAttribute('aria-label', t('searchLabel', lang));
  $('map').setAttribute('aria-label', t('mapLabel', lang));
  labelLangToggle($<HTMLButtonElement>('lang-toggle'), lang);
}

function explain(e: unknown, lang: Lang): [string, string] {
  if (e instanceof DataFileError) {
    const key = e.kind === 'missing' ? 'dataMissing' : 'dataInvalid';
    return [t('errorTitle', lang), t(key, lang, { file: e.file, reason: e.reason, command: e.command })];
  }
  return [t('errorTitle', lang), t('noWebgl', lang, { reason: e instanceof Error ? e.message : String(e) })];
}

/**
 * A quiet, dismissible notice (a link naming an unknown place, a story that failed to load): never
 * an exception. One per cause: the same cause again replaces its text and counts the repeat, so
 * no link and no retry can stack notices over the map.
 */
function notify(message: string, lang: Lang, cause = message) {
  const box = $('notices');
  const same = [...box.querySelectorAll<HTMLElement>('.notice')].find((n) => n.dataset.cause === cause);
  const item = same ?? document.createElement('p');
  const times = same ? Number(same.dataset.times) + 1 : 1;
  item.className = 'notice';
  item.dataset.cause = cause;
  item.dataset.times = String(times);
  const text = document.createElement('span');
  text.textContent = inertText(message) + (times > 1 ? ` (×${times})` : ''); // it may quote a link's value
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', t('dismiss', lang));
  dismiss.addEventListener('click', () => item.remove());
  item.replaceChildren(text, dismiss);
  if (!same) box.append(item);
}

function showNotices(notices: Notice[], lang: Lang) {
  for (const n of groupNotices(notices)) {
    const more = n.more ? ` ${t('url.more', lang, { count: String(n.more) })}` : '';
    notify(t(`url.${n.key}` as StringKey, lang, { value: n.value }) + more, lang, `url.${n.key}`);
  }
}

function flyTo(view: MapView, data: AtlasIndex, b: Boundaries, place: string) {
  const panel = $('panel');
  const right = 40 + (panel.hidden ? 0 : Math.min(panel.offsetWidth, view.container.offsetWidth / 2));
  showPlace(view, data, b, place, { top: 40, bottom: 40, left: 40, right });
}

/** Whether the state shows sentences (panel, reader, tour, charts): `ready` waits for them. */
const showsSentences = (s: AtlasState) => !!(s.place || s.doc || s.tour || s.view || s.filter);

/** The facts of a slice that the document filter lets count (all of them without one). */
function filteredSlice(slice: AtlasData, docs: ReadonlySet<string> | null, places: AtlasIndex['file']['places']): AtlasData {
  if (!docs) return slice;
  return indexFacts({ documents: slice.file.documents, places, facts: slice.file.facts.filter((f) => docs.has(f.doc)) });
}

/**
 * Mounts every view of the state around the map; `setMap` swaps the map's renderer, keeping the
 * state. The map, lists, legend and search start from the summary (counts, no sentence); each
 * view loads the sentences it shows when it opens: a place's file for the panel, a document's
 * facts for the reader, the story's for the tour, the figures for the charts.
 */
function mountViews(first: MapView, store: Store, data: AtlasIndex, b: Boundaries, story: Story | null) {
  let view = first;
  const select = (place: string | null) => store.set({ place });
  const layout = initLayout($<HTMLButtonElement>('layers-toggle'), $('sidebar'), store.get().lang);
  const sentences = createSentences(data);
  const { documents, talliesByDoc, figures, track } = sentences;
  const placeSlice = sentences.placeSlice;

  // The names search instantly; sentences through the prebuilt index, whose files load on the
  // search box's first use. The Traditional → Simplified converter (its own chunk, also the
  // panel's 简 toggle) loads on first focus; until then a query matches as typed.
  let fold: Fold = (x) => x;
  const sentenceIndex = sentenceSearch((path) => fetchDataFile(`data/${path}`, FACTS_COMMAND), () => fold);
  // Under a document filter, only the sentences of the documents it lets count.
  const lookup = (q: string, limit: number) => {
    const docs = filterDocs;
    return sentenceIndex.query(q, limit, docs ? (d) => docs.has(d) : undefined).then((hits) => sentenceResults(searchIndex, hits, store.get().lang));
  };
  let searchIndex = buildSearchIndex(data);
  const search = createSearch($<HTMLInputElement>('search'), $('search-results'), searchIndex, { onSelect: (id) => select(id) }, store.get().lang, lookup);
  $('search').addEventListener(
    'focus',
    () =>
      void loadT2S().then(
        (f) => {
          fold = f;
          search.setIndex((searchIndex = buildSearchIndex(data, fold)));
        },
        () => undefined,
      ),
    { once: true },
  );

  // The document filter: the summary answers with the sum of the matching documents' tallies.
  let filterDocs: ReadonlySet<string> | null = null;
  let filterToken = 0;
  const applyFilter = async (s: AtlasState) => {
    const token = ++filterToken;
    if (!s.filter) {
      data.useTallies(null);
      filterDocs = null;
      filterLine = null;
      return;
    }
    $('status').textContent = t('filter.loading', s.lang);
    const [docs, byDoc] = await Promise.all([documents(), talliesByDoc()]);
    if (token !== filterToken) return;
    const ids = matchingDocs(docs.list, s.filter);
    filterDocs = new Set(ids);
    filterLine = (lang) => (ids.length ? t('filter.count', lang, { n: String(ids.length), total: String(docs.list.length) }) : t('filter.none', lang));
    data.useTallies(sumTallies(byDoc, ids));
    $('status').textContent = '';
  };

  const panelHandlers = {
    onSelect: select,
    onTopic: (topic: Topic | null) => store.set({ topic }),
    onRead: (doc: string, fact: string) => store.set({ doc, fact }),
    onClose: () => {
      select(null);
      view.focus();
    },
    onShowAll: () => {
      expanded = store.get().place;
      void showPanel(store.get(), false, 'show-all');
    },
  };
  const legendHandlers = {
    onToggleLayer: (id: AtlasState['layers'][number], on: boolean) => {
      const layers = store.get().layers.filter((l) => l !== id);
      store.set({ layers: on ? [...layers, id] : layers });
    },
    onTopic: (topic: Topic | null) => store.set({ topic }),
  };
  const readerHandlers = {
    onSelect: (id: string) => store.set({ place: id, doc: null, fact: null }),
    onClose: () => {
      view.highlight([]);
      store.set({ doc: null, fact: null });
    },
    // The sentence being read lights up its places and the map goes there; the state (and
    // the URL) stay on the fact the reader was opened at, so reading does not re-render it.
    onSentence: (_fact: string, placeIds: string[]) => {
      view.highlight(placeIds);
      const first = placeIds.find((id) => placeCamera(data, b, id));
      if (first) flyTo(view, data, b, first);
    },
    nameOf: (id: string) => {
      const p = data.places.get(id);
      return p ? placeName(p, store.get().lang) : id;
    },
  };
  let tour: TourView | null = null;
  const storyData = once(async (): Promise<AtlasData> => {
    const docs = await documents();
    const wanted = new Set(story!.steps.flatMap((st) => st.facts));
    const ids = [...new Set([...wanted].map((f) => factDocOf(f)!))];
    const parts = await Promise.all(ids.map((id) => (docs.documents.has(id) ? loadDocFacts(docs.documents.get(id)!, data) : Promise.reject(new Error(`unknown document ${id}`)))));
    const facts = parts.flatMap((p) => p.file.facts).filter((f) => wanted.has(f.id));
    const missing = [...wanted].find((id) => !facts.some((f) => f.id === id));
    if (missing) throw new Error(`${STORY_URL}: unknown fact id "${missing}"`);
    return indexFacts({ documents: docs.list, places: data.file.places, facts });
  });
  const ensureTour = (): Promise<TourView | null> => {
    if (!story) return Promise.resolve(null);
    if (tour) return Promise.resolve(tour);
    return track(
      storyData().then(
        (d) => (tour ??= tourView(() => view, store, d, b, story, { root: $('tour'), button: $('tour-button') }, (m) => notify(m, store.get().lang))),
        (e: Error) => {
          notify(t('tour.loadFailed', store.get().lang, { reason: e.message }), store.get().lang, 'tour');
          if (store.get().tour) store.set({ tour: null, step: null });
          return null;
        },
      ),
    );
  };

  let readerToken = 0;
  const showReader = async (s: AtlasState) => {
    const root = $('reader');
    const token = ++readerToken;
    if (!s.doc) {
      if (isReaderOpen(root)) hideReader(root);
      return;
    }
    showReaderMessage(root, s.doc, t('readerLoading', s.lang), s.lang, readerHandlers);
    let title = s.doc;
    try {
      const [docs, text] = await Promise.all([documents(), loadDocText(s.doc)]);
      const doc = docs.documents.get(s.doc);
      if (!doc) throw new Error(`${DOCUMENTS_URL}: no document ${s.doc}`);
      title = doc.title;
      const facts = await loadDocFacts(doc, data);
      if (token !== readerToken) return;
      const docFacts = facts.file.facts;
      // A text from another run would put every highlight on the wrong words: say so instead.
      const problem = textProblem(text, doc, docFacts);
      if (problem) {
        const file = `data/docs/${s.doc}.txt`;
        const key = problem.kind === 'empty' ? 'readerEmpty' : problem.kind === 'length' ? 'readerLength' : 'readerMismatch';
        showReaderMessage(root, doc.title, t(key, s.lang, { file, ...Object.fromEntries(Object.entries(problem).map(([k, v]) => [k, String(v)])) }), s.lang, readerHandlers, true);
        return;
      }
      // A link to a fact this document no longer has opens the document at its start.
      const fact = s.fact && facts.facts.has(s.fact) ? s.fact : null;
      if (s.fact && !fact) showNotices([{ key: 'unknownFact', value: excerpt(s.fact) }], s.lang);
      openReader(root, doc, text, docFacts, fact, s.lang, readerHandlers, { places: data.places.values() });
    } catch (e) {
      if (token !== readerToken) return;
      // A data file's error names its file; the message names it once.
      const [file, reason] = e instanceof DataFileError ? [e.file, e.reason] : [`data/docs/${s.doc}.txt`, (e as Error).message];
      showReaderMessage(root, title, t('readerFailed', s.lang, { file, reason }), s.lang, readerHandlers, true);
    }
  };

  /** The legend, saying when a document filter is in force (its count of documents comes with the filter's tallies). */
  let filterLine: ((lang: AtlasState['lang']) => string) | null = null;
  const drawLegend = (s: AtlasState) =>
    renderLegend($('legend'), s, choroplethLegend([...data.districtCounts(s.topic).values()]), s.lang, legendHandlers,
      s.filter && filterLine ? { line: filterLine(s.lang), onClear: () => store.set({ filter: null }) } : null);
  /** Everything drawn from counts: after a filter change, all of it again. */
  const renderCounts = (s: AtlasState) => {
    renderPlaceList($('place-list'), data, s, s.lang, (id) => select(id));
    drawLegend(s);
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (!prev || s.lang !== prev.lang) {
      applyStrings(s.lang);
      layout.setLang(s.lang);
      search.setLang(s.lang);
    }
    if (prev ? !sameFilter(s.filter, prev.filter) : s.filter !== null) {
      // The counts change under every view: redraw them all once the filter's tallies are in.
      track(applyFilter(s)).then(
        () => {
          const now = store.get();
          if (!sameFilter(now.filter, s.filter)) return;
          renderCounts(now);
          void showPanel(now, false);
          overlay?.refresh(now);
          view.apply(now, null);
        },
        (e: unknown) => {
          $('status').textContent = '';
          notify(explain(e, store.get().lang)[1], store.get().lang, 'filter');
        },
      );
    }
    const newPlace = !!prev && s.place !== prev.place;
    if (!newPlace) view.apply(s, prev);
    const changed = (...keys: Array<keyof AtlasState>) => !prev || keys.some((k) => s[k] !== prev[k]);
    if (changed('place', 'topic', 'lang')) {
      if (newPlace) expanded = null;
      const shown = showPanel(s, newPlace);
      // A new selection: the panel answers first (its file may still be on its way) and the map
      // follows after that frame is painted, so the panel never waits for a full map redraw
      // (hundreds of milliseconds on software WebGL).
      if (newPlace) void shown.then(() => afterPaint(() => followSelection(s.place)));
      if (changed('topic', 'lang')) renderPlaceList($('place-list'), data, s, s.lang, (id) => select(id));
      else markCurrentPlace($('place-list'), s.place);
    }
    if (changed('layers', 'topic', 'lang')) drawLegend(s);
    if (!prev || s.doc !== prev.doc || s.fact !== prev.fact || (s.doc && s.lang !== prev.lang)) void track(showReader(s));
    if (s.tour && !tour) void ensureTour();
  };

  // A place's panel: its file's first facts (all of them after "show all", or under a document
  // filter), the counts from the summary. Until the file is in, the status line says so.
  let expanded: string | null = null;
  let panelToken = 0;
  const showPanel = (s: AtlasState, focus: boolean, focusOn?: string): Promise<void> => {
    const token = ++panelToken;
    const close = () => {
      const wasOpen = !$('panel').hidden;
      renderPanel($('panel'), null, s.lang, panelHandlers, { focus });
      if (wasOpen) view.resize();
    };
    if (!s.place) {
      close();
      return Promise.resolve();
    }
    const place = s.place;
    const all = expanded === place || s.filter !== null;
    // Focus moves to the panel when it arrives, unless the user has moved it elsewhere meanwhile.
    const focusedAt = document.activeElement;
    $('status').textContent = t('loadingSentences', s.lang);
    return track(
      placeSlice(place, all ? 'all' : 'head').then(
        (slice) => {
          if (token !== panelToken) return;
          $('status').textContent = '';
          const shown = filteredSlice(slice.data, filterDocs, data.file.places);
          // The panel's first facts, unless "show all" was asked: the first file's cut, or, under a
          // filter (the file of every fact, filtered), the same cut of what the filter leaves.
          const head = expanded !== place && (!slice.complete || filterDocs !== null);
          const model = panelModel(shown, place, s.topic, s.lang, { tally: data.tally(place) ?? emptyTally(), head });
          const wasOpen = !$('panel').hidden;
          renderPanel($('panel'), model, s.lang, panelHandlers, { focus: focus && document.activeElement === focusedAt });
          if (focusOn) $('panel').querySelector<HTMLElement>('.panel-facts-title, .fact-group-title')?.focus();
          // The panel column opened: the map follows its container at once (resize reads the
          // new layout), so `ready` and the next frame see the map at its new size.
          if (!wasOpen) view.resize();
        },
        (e: unknown) => {
          if (token !== panelToken) return;
          $('status').textContent = '';
          notify(explain(e, store.get().lang)[1], store.get().lang, 'facts');
        },
      ),
    );
  };
  const followSelection = (place: string | null) => {
    const now = store.get();
    view.apply(now, null);
    if (place && now.place === place && !tour?.active()) flyTo(view, data, b, place);
  };
  // A place the pointer rests on (or the keyboard reaches) in the list or on the map is likely
  // the next selection: its panel's first file is fetched ahead, once.
  const prefetch = (id: string | undefined) => {
    if (id && data.files[id] && !store.get().filter) void placeSlice(id, 'head').catch(() => undefined);
  };
  for (const type of ['pointerover', 'focusin'] as const) {
    $('place-list').addEventListener(type, (e) => prefetch((e.target as Element).closest<HTMLElement>('[data-place]')?.dataset.place));
  }
  const listen = (v: MapView) => {
    v.onPlaceClick((id) => data.places.has(id) && select(id));
    v.onPlaceHover?.(prefetch);
    v.onCameraChange((camera) => store.set({ camera }));
  };

  let overlay: OverlayHandle | null = null;
  store.subscribe(render);
  render(store.get(), null);
  listen(view);
  $('tour-button').hidden = !story;
  mountOverlayOnDemand(store, track, { index: data, documents, figures, filterDocs: () => filterDocs }, (o) => (overlay = o));
  const exportMenu = mountAtlasExport($<HTMLButtonElement>('export-button'), () => view, b, data, () => store.get());
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) exportMenu.setLang(s.lang);
  });
  // A failed load has already said so in a notice.
  $('tour-button').addEventListener('click', () => void ensureTour().then((v) => v?.start()));
  for (const type of ['pointerover', 'focusin'] as const) $('tour-button').addEventListener(type, () => void (story && storyData().catch(() => undefined)));
  $('lang-toggle').addEventListener('click', () => store.set({ lang: localeOf(store.get().lang).next }));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (isReaderOpen($('reader'))) closeReader($('reader'));
    else if (store.get().view) store.set({ view: null });
    else if (store.get().place) closePanel($('panel'));
  });
  return {
    /** Resolves when what the state shows is loaded (panel, reader, tour, charts). */
    sentences: () => sentences.settled(),
    /** While the user looks at the map: the presentation's quotes, so 演示 starts at once. */
    warm: () => void (story ? storyData().catch(() => undefined) : undefined),
    setMap(next: MapView) {
      view.destroy();
      view = next;
      listen(next);
      next.apply(store.get(), null);
      exportMenu.viewChanged();
    },
  };
}

/** The charts and documents views load with their first opening (a link may open one at once). */
function mountOverlayOnDemand(
  store: Store,
  track: <T>(p: Promise<T>) => Promise<T>,
  sources: OverlaySources,
  mounted: (o: OverlayHandle) => void,
) {
  const buttons = { charts: $('charts-button'), docs: $('docs-button') };
  for (const view of ['charts', 'docs'] as const) {
    buttons[view].hidden = false;
    buttons[view].addEventListener('click', () => store.set({ view: store.get().view === view ? null : view }));
  }
  let loading = false;
  const load = (s: AtlasState) => {
    if (loading || !s.view) return;
    loading = true;
    void track(
      import('./views/overlay-view.ts')
        .then((m) => mounted(m.overlayView($('overlay'), store, sources, buttons)))
        .catch((e: Error) => {
          loading = false;
          // A broken data file has its own notice already: do not say it twice.
          if (!(e instanceof DataFileError)) notify(t('viewLoadFailed', s.lang, { reason: e.message }), s.lang, 'view');
        }),
    );
  };
  store.subscribe(load);
  load(store.get());
}

const loadSvgView = () => import('./svg-map/svg-view.ts');

/**
 * MapLibre when the browser can run it; else the SVG map, with the reason. Whatever a MapLibre
 * that failed half-way through its constructor may have left in the container is cleared first.
 */
async function openMap(container: HTMLElement, b: Boundaries, data: AtlasIndex, state: AtlasState): Promise<MapView> {
  let reason: FallbackReason = { kind: 'unsupported' };
  if (hasWebgl2()) {
    try {
      return webglView(container, b, data, state);
    } catch (error) {
      reason = { kind: 'failed', error };
      container.replaceChildren();
      container.classList.remove('maplibregl-map');
    }
  }
  return (await loadSvgView()).svgView(container, b, data, state, reason);
}

async function start(handle: AtlasHandle): Promise<void> {
  const container = $('map');
  const status = $('status');
  status.textContent = t('loading', hashLang);
  let store: Store | null = null;
  handle.state = () => store?.get() ?? null;
  try {
    // The story is fetched beside the data it is checked against (awaited below, so its failure is never unhandled).
    const storyFile = fetchStory();
    storyFile.catch(() => undefined);
    const [boundaries, data] = await Promise.all([loadBoundaries(), loadSummary()]);
    // The map works without the presentation: a broken story is a notice, not an error screen.
    const story = await storyFile.then((json) => parseStory(json, data)).catch((e: Error) => {
      notify(t('tour.loadFailed', hashLang, { reason: e.message }), hashLang);
      return null;
    });
    const known: Known = {
      places: new Set(data.places.keys()),
      topics: new Set<string>(TOPIC_ORDER),
      docs: data.docIds,
      // A fact id names its document; whether the document still has it, the reader finds out.
      factDoc: (id) => {
        const doc = factDocOf(id);
        return doc !== undefined && data.docIds.has(doc) ? doc : undefined;
      },
      tours: new Map(story ? [[story.id, story.steps.length]] : []),
    };
    const { state, notices } = parseState(location.hash, known);
    store = createStore(state);
    const view = await openMap(container, boundaries, data, state);
    const show = (v: MapView) => {
      handle.map = v.map;
      handle.renderer = v.kind;
    };
    show(view);
    const views = mountViews(view, store, data, boundaries, story);
    bindUrl(store, known, (n) => showNotices(n, store!.get().lang));
    showNotices(notices, state.lang);
    // A lost WebGL context: the SVG map takes over with the same state (and camera).
    const fallenBack = new Promise<void>((resolve) =>
      view.onLost((reason: FallbackReason) => {
        loadSvgView()
          .then((m) => {
            const svg = m.svgView(container, boundaries, data, store!.get(), reason);
            views.setMap(svg);
            show(svg);
            resolve();
          })
          .catch((e: Error) => notify(t('noWebgl', store!.get().lang, { reason: e.message }), store!.get().lang));
      }),
    );
    handle.sentences = () => views.sentences().then(() => undefined);
    await Promise.race([view.drawn(), fallenBack]);
    status.textContent = '';
    // What the link opened shows sentences: the page is ready when they are there too. Otherwise
    // the presentation's load while the user looks at the map (a panel's file loads when the
    // pointer rests on its place).
    if (showsSentences(store.get())) await views.sentences();
    else whenIdle(() => views.warm());
  } catch (e) {
    status.textContent = '';
    const [title, message] = explain(e, hashLang);
    showError(container, title, message);
    throw e;
  }
}

const whenIdle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 0));

applyStrings(hashLang);
const notYet = () => Promise.reject(new Error('the atlas is not ready'));
const handle: AtlasHandle = { map: null, renderer: null, ready: Promise.resolve(), state: () => null, sentences: notYet };
handle.ready = start(handle);
handle.ready.catch(() => undefined); // the error is on screen; scripts awaiting `ready` still see it
window.atlas = handle;
