/**
 * The composition root: load the first view's data, open the map, mount each feature's
 * controller on the store, bind the URL, and expose `window.atlas`. It holds no feature logic:
 * each feature (src/app/features/) subscribes to the store itself.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import './styles.css';
import { factDocOf } from '../contract.ts';
import { TOPICS } from '../types.ts';
import { loadBoundaries } from './data/load-boundaries.ts';
import { loadSummary } from './data/load-site.ts';
import { createSentences } from './data/sentences.ts';
import { type Lang, t } from './i18n/strings.ts';
import { isLang } from './i18n/locale.ts';
import type { FallbackReason, MapView } from './map/map-view.ts';
import type { AtlasState } from './state/state.ts';
import { createStore, type Store } from './state/store.ts';
import { parseState, type Known } from './state/url-state.ts';
import { bindUrl } from './state/url-sync.ts';
import { showError } from './ui/error-screen.ts';
import { explain } from './ui/explain-error.ts';
import { byId, type FeatureContext } from './features/feature-context.ts';
import { mountAtlasExport } from './features/export/export-controller.ts';
import { mountDocFilter } from './features/filter/filter-controller.ts';
import { mountLegendController } from './features/legend/legend-controller.ts';
import { mountMapController } from './features/map/map-controller.ts';
import { loadSvgView, openMap } from './features/map/open-map.ts';
import { mountOverlayLauncher } from './features/overlay/overlay-launcher.ts';
import { mountPanelController } from './features/panel/panel-controller.ts';
import { mountPlaceListController } from './features/place-list/place-list-controller.ts';
import { mountReaderController } from './features/reader/reader-controller.ts';
import { mountSearchController } from './features/search/search-controller.ts';
import { noticeLine } from './features/shell/notices.ts';
import { applyStrings, mountShell } from './features/shell/shell-controller.ts';
import { fetchStory, parseStory } from './features/tour/story.ts';
import { mountTourLauncher } from './features/tour/tour-controller.ts';

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

const asked = new URLSearchParams(location.hash.slice(1)).get('lang');
const hashLang: Lang = isLang(asked) ? asked : 'zh';

/** Whether the state shows sentences (panel, reader, tour, charts): `ready` waits for them. */
const showsSentences = (s: AtlasState) => !!(s.place || s.doc || s.tour || s.view || s.filter);
const whenIdle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 0));

async function start(handle: AtlasHandle): Promise<void> {
  const container = byId('map');
  const statusLine = byId('status');
  const status = (text: string) => void (statusLine.textContent = text);
  status(t('loading', hashLang));
  let store: Store | null = null;
  const notices = noticeLine(byId('notices'), () => store?.get().lang ?? hashLang);
  handle.state = () => store?.get() ?? null;
  try {
    // The story is fetched beside the data it is checked against (awaited below, so its failure is never unhandled).
    const storyFile = fetchStory();
    storyFile.catch(() => undefined);
    const [boundaries, data] = await Promise.all([loadBoundaries(), loadSummary()]);
    // The map works without the presentation: a broken story is a notice, not an error screen.
    const story = await storyFile.then((json) => parseStory(json, data)).catch((e: Error) => {
      notices.notify((lang) => t('tour.loadFailed', lang, { reason: e.message }), 'tour');
      return null;
    });
    const known: Known = {
      places: new Set(data.places.keys()),
      topics: new Set<string>(TOPICS),
      docs: data.docIds,
      // A fact id names its document; whether the document still has it, the reader finds out.
      factDoc: (id) => {
        const doc = factDocOf(id);
        return doc !== undefined && data.docIds.has(doc) ? doc : undefined;
      },
      tours: new Map(story ? [[story.id, story.steps.length]] : []),
    };
    const parsed = parseState(location.hash, known);
    const s = (store = createStore(parsed.state));
    const view = await openMap(container, boundaries, data, parsed.state);
    const show = (v: MapView) => {
      handle.map = v.map;
      handle.renderer = v.kind;
    };
    show(view);

    // — the features, each subscribing to the store; the order is the order they draw in —
    const base = { store: s, data, boundaries, sentences: createSentences(data), notices, status };
    let tourActive = () => false;
    const map = mountMapController(view, base, () => tourActive());
    const ctx: FeatureContext = { ...base, map: map.view };
    const filter = mountDocFilter(ctx);
    const panel = mountPanelController(ctx, filter, map.follow);
    mountPlaceListController(ctx, filter, map);
    mountLegendController(ctx, filter);
    filter.onApplied(() => map.redraw());
    const reader = mountReaderController(ctx, map, notices.showUrl);
    const tour = mountTourLauncher(ctx, story);
    tourActive = tour.active;
    mountSearchController(ctx, filter);
    const overlay = mountOverlayLauncher(ctx, filter);
    const exportMenu = mountAtlasExport(byId<HTMLButtonElement>('export-button'), map.view, boundaries, data, s);
    mountShell(s, [reader, overlay, panel]);
    bindUrl(s, known, notices.showUrl);
    notices.showUrl(parsed.notices);
    // Notices shown before a language switch say it again in the new language.
    s.subscribe((next, prev) => {
      if (next.lang !== prev.lang) notices.relabel();
    });

    // A lost WebGL context: the SVG map takes over with the same state (and camera).
    const fallenBack = new Promise<void>((resolve) =>
      view.onLost((reason: FallbackReason) => {
        loadSvgView()
          .then((m) => {
            const svg = m.svgView(container, boundaries, data, s.get(), reason);
            map.setMap(svg);
            exportMenu.viewChanged();
            show(svg);
            resolve();
          })
          .catch((e: Error) => notices.notify((lang) => t('noWebgl', lang, { reason: e.message }), 'map'));
      }),
    );
    handle.sentences = () => ctx.sentences.settled();
    await Promise.race([view.drawn(), fallenBack]);
    status('');
    // What the link opened shows sentences: the page is ready when they are there too. Otherwise
    // the presentation's quotes load while the user looks at the map (a panel's file loads when
    // the pointer rests on its place).
    if (showsSentences(s.get())) await ctx.sentences.settled();
    else whenIdle(tour.warm);
  } catch (e) {
    status('');
    const [title, message] = explain(e, hashLang);
    showError(container, title, message);
    throw e;
  }
}

applyStrings(hashLang);
const notYet = () => Promise.reject(new Error('the atlas is not ready'));
const handle: AtlasHandle = { map: null, renderer: null, ready: Promise.resolve(), state: () => null, sentences: notYet };
handle.ready = start(handle);
handle.ready.catch(() => undefined); // the error is on screen; scripts awaiting `ready` still see it
window.atlas = handle;
