/** Entry point: load data, draw the map, wire state ⇄ URL ⇄ views, expose `window.atlas`. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import './styles.css';
import type { Topic } from '../types.ts';
import { type Lang, type StringKey, t } from './i18n/strings.ts';
import { loadBoundaries, type Boundaries } from './data/load-boundaries.ts';
import { DataFileError } from './data/fetch-data-file.ts';
import { loadFacts } from './data/load-facts.ts';
import type { AtlasData } from './data/atlas-data.ts';
import { createMap, whenDrawn } from './map/create-map.ts';
import { enableDistrictHover } from './map/hover.ts';
import { applyState, clickablePlaceAt, highlightReading } from './map/apply-state.ts';
import { choroplethLegend } from './map/choropleth.ts';
import { placeCamera } from './map/place-camera.ts';
import { type AtlasState } from './state/state.ts';
import { createStore, type Store } from './state/store.ts';
import { parseState, type Known, type Notice } from './state/url-state.ts';
import { bindUrl } from './state/url-sync.ts';
import { showError } from './ui/error-screen.ts';
import { closePanel, renderPanel } from './ui/panel.ts';
import { panelModel } from './ui/panel-model.ts';
import { renderLegend } from './ui/legend.ts';
import { renderPlaceList } from './ui/place-list.ts';
import { buildSearchIndex } from './ui/search-index.ts';
import { createSearch } from './ui/search.ts';
import { closeReader, hideReader, isReaderOpen, loadDocText, openReader, showReaderMessage } from './ui/reader.ts';
import { initLayout, labelLangToggle } from './ui/layout.ts';
import { TOPIC_ORDER } from './ui/labels.ts';
import { loadStory, type Story } from './tour/story.ts';
import { tourView, type TourView } from './views/tour-view.ts';
import { mountAtlasExport } from './export/index.ts';

export interface AtlasHandle {
  map: MapLibreMap | null;
  /** Resolves when the map is idle with all data drawn; rejects with the error the page shows. */
  ready: Promise<void>;
  /** The current state (what the URL hash says), for scripts. */
  state(): AtlasState | null;
}

declare global {
  interface Window {
    atlas: AtlasHandle;
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const hashLang: Lang = new URLSearchParams(location.hash.slice(1)).get('lang') === 'en' ? 'en' : 'zh';

function applyStrings(lang: Lang) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = `${t('title', lang)} · ${lang === 'en' ? '北京国际科创中心地图' : 'Beijing Innovation Atlas'}`;
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

/** A quiet, dismissible notice (a link naming an unknown place, a story that failed to load): never an exception. */
function notify(message: string, lang: Lang) {
  const item = document.createElement('p');
  item.className = 'notice';
  item.textContent = message;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', t('dismiss', lang));
  dismiss.addEventListener('click', () => item.remove());
  item.append(dismiss);
  $('notices').append(item);
}

function showNotices(notices: Notice[], lang: Lang) {
  for (const n of notices) notify(t(`url.${n.key}` as StringKey, lang, { value: n.value }), lang);
}

function flyTo(map: MapLibreMap, data: AtlasData, b: Boundaries, place: string) {
  const target = placeCamera(data, b, place);
  if (!target) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const panel = $('panel');
  const padding = { top: 40, bottom: 40, left: 40, right: 40 + (panel.hidden ? 0 : Math.min(panel.offsetWidth, map.getContainer().offsetWidth / 2)) };
  if ('bounds' in target) map.fitBounds(target.bounds, { padding, maxZoom: 11.5, animate: !reduce });
  else map.flyTo({ center: target.center, zoom: target.zoom, padding, animate: !reduce });
}

function mountViews(map: MapLibreMap, store: Store, data: AtlasData, b: Boundaries, story: Story | null) {
  const select = (place: string | null) => store.set({ place });
  const layout = initLayout($<HTMLButtonElement>('layers-toggle'), $('sidebar'), store.get().lang);
  const search = createSearch($<HTMLInputElement>('search'), $('search-results'), buildSearchIndex(data), { onSelect: (id) => select(id) }, store.get().lang);
  const panelHandlers = {
    onSelect: select,
    onTopic: (topic: Topic | null) => store.set({ topic }),
    onRead: (doc: string, fact: string) => store.set({ doc, fact }),
    onClose: () => {
      select(null);
      map.getContainer().focus();
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
      highlightReading(map, data, []);
      store.set({ doc: null, fact: null });
    },
    // The sentence being read lights up its places and the map goes there; the state (and
    // the URL) stay on the fact the reader was opened at, so reading does not re-render it.
    onSentence: (_fact: string, placeIds: string[]) => {
      highlightReading(map, data, placeIds);
      const first = placeIds.find((id) => placeCamera(data, b, id));
      if (first) flyTo(map, data, b, first);
    },
    nameOf: (id: string) => {
      const p = data.places.get(id);
      return p ? (store.get().lang === 'en' ? p.names.en : p.names.zhHans) : id;
    },
  };
  let tour: TourView | null = null;
  let readerToken = 0;
  const showReader = async (s: AtlasState) => {
    const root = $('reader');
    const token = ++readerToken;
    if (!s.doc) {
      if (isReaderOpen(root)) hideReader(root);
      return;
    }
    const doc = data.documents.get(s.doc)!;
    showReaderMessage(root, doc.title, t('readerLoading', s.lang), s.lang, readerHandlers);
    try {
      const text = await loadDocText(s.doc);
      if (token !== readerToken) return;
      openReader(root, doc, text, data.file.facts.filter((f) => f.doc === s.doc), s.fact, s.lang, readerHandlers, { places: data.places.values() });
    } catch (e) {
      if (token !== readerToken) return;
      showReaderMessage(root, doc.title, t('readerFailed', s.lang, { file: `data/docs/${s.doc}.txt`, reason: (e as Error).message }), s.lang, readerHandlers, true);
    }
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (!prev || s.lang !== prev.lang) {
      applyStrings(s.lang);
      layout.setLang(s.lang);
      search.setLang(s.lang);
    }
    if (map.isStyleLoaded()) applyState(map, s, data, prev);
    const changed = (...keys: Array<keyof AtlasState>) => !prev || keys.some((k) => s[k] !== prev[k]);
    if (changed('place', 'topic', 'lang')) {
      const model = s.place ? panelModel(data, s.place, s.topic, s.lang) : null;
      renderPanel($('panel'), model, s.lang, panelHandlers, { focus: !!prev && s.place !== prev.place });
      renderPlaceList($('place-list'), data, s, s.lang, (id) => select(id));
    }
    if (changed('layers', 'topic', 'lang')) {
      renderLegend($('legend'), s, choroplethLegend([...data.districtCounts(s.topic).values()]), s.lang, legendHandlers);
    }
    if (!prev || s.doc !== prev.doc || s.fact !== prev.fact || (s.doc && s.lang !== prev.lang)) void showReader(s);
    if (prev && s.place && s.place !== prev.place && !tour?.active()) flyTo(map, data, b, s.place);
    // The panel column opens and closes: let MapLibre follow its container.
    if (!prev || !!s.place !== !!prev.place) requestAnimationFrame(() => map.resize());
  };

  store.subscribe(render);
  render(store.get(), null);
  map.once('load', () => applyState(map, store.get(), data));
  tour = story ? tourView(map, store, data, b, story, { root: $('tour'), button: $('tour-button') }, (m) => notify(m, store.get().lang)) : null;
  $('tour-button').hidden = !tour;
  mountOverlayOnDemand(store, data);
  const exportMenu = mountAtlasExport($<HTMLButtonElement>('export-button'), map, b, data, () => store.get());
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) exportMenu.setLang(s.lang);
  });
  $('tour-button').addEventListener('click', () => tour?.start());

  map.on('click', (e) => {
    const id = clickablePlaceAt(map, e.point);
    if (id && data.places.has(id)) select(id);
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    store.set({ camera: { lng: c.lng, lat: c.lat, zoom: map.getZoom() } });
  });
  $('lang-toggle').addEventListener('click', () => store.set({ lang: store.get().lang === 'en' ? 'zh' : 'en' }));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (isReaderOpen($('reader'))) closeReader($('reader'));
    else if (store.get().view) store.set({ view: null });
    else if (store.get().place) closePanel($('panel'));
  });
}

/** The charts and documents views load with their first opening (a link may open one at once). */
function mountOverlayOnDemand(store: Store, data: AtlasData) {
  const buttons = { charts: $('charts-button'), docs: $('docs-button') };
  for (const view of ['charts', 'docs'] as const) {
    buttons[view].hidden = false;
    buttons[view].addEventListener('click', () => store.set({ view: store.get().view === view ? null : view }));
  }
  let loading = false;
  const load = (s: AtlasState) => {
    if (loading || !s.view) return;
    loading = true;
    import('./views/overlay-view.ts')
      .then((m) => m.overlayView($('overlay'), store, data, buttons))
      .catch((e: Error) => {
        loading = false;
        notify(t('viewLoadFailed', s.lang, { reason: e.message }), s.lang);
      });
  };
  store.subscribe(load);
  load(store.get());
}

async function start(handle: AtlasHandle): Promise<void> {
  const container = $('map');
  const status = $('status');
  status.textContent = t('loading', hashLang);
  let store: Store | null = null;
  handle.state = () => store?.get() ?? null;
  try {
    const [boundaries, data] = await Promise.all([loadBoundaries(), loadFacts()]);
    // The map works without the presentation: a broken story is a notice, not an error screen.
    const story = await loadStory(data).catch((e: Error) => {
      notify(t('tour.loadFailed', hashLang, { reason: e.message }), hashLang);
      return null;
    });
    const known: Known = {
      places: new Set(data.places.keys()),
      topics: new Set<string>(TOPIC_ORDER),
      docs: new Set(data.documents.keys()),
      factDoc: (id) => data.facts.get(id)?.doc,
      tours: new Map(story ? [[story.id, story.steps.length]] : []),
    };
    const { state, notices } = parseState(location.hash, known);
    store = createStore(state);
    const map = createMap(container, boundaries, state.lang, t('attribution', state.lang), { data, state });
    handle.map = map;
    if (state.camera) map.jumpTo({ center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom });
    enableDistrictHover(map);
    mountViews(map, store, data, boundaries, story);
    bindUrl(store, known, (n) => showNotices(n, store!.get().lang));
    showNotices(notices, state.lang);
    await whenDrawn(map);
    status.textContent = '';
  } catch (e) {
    status.textContent = '';
    const [title, message] = explain(e, hashLang);
    showError(container, title, message);
    throw e;
  }
}

applyStrings(hashLang);
const handle: AtlasHandle = { map: null, ready: Promise.resolve(), state: () => null };
handle.ready = start(handle);
handle.ready.catch(() => undefined); // the error is on screen; scripts awaiting `ready` still see it
window.atlas = handle;
