/** Entry point: load data, draw the map, expose `window.atlas` for scripts and tests. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import './styles.css';
import { type Lang, t } from './i18n/strings.ts';
import { DataFileError, loadBoundaries } from './data/load-boundaries.ts';
import { createMap, whenDrawn } from './map/create-map.ts';
import { enableDistrictHover } from './map/hover.ts';
import { showError } from './ui/error-screen.ts';

export interface AtlasHandle {
  map: MapLibreMap | null;
  /** Resolves when the map is idle with all data drawn; rejects with the error the page shows. */
  ready: Promise<void>;
}

declare global {
  interface Window {
    atlas: AtlasHandle;
  }
}

const lang: Lang = new URLSearchParams(location.hash.slice(1)).get('lang') === 'en' ? 'en' : 'zh';

function applyStrings() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = `${t('title', lang)} · ${lang === 'en' ? '北京国际科创中心地图' : 'Beijing Innovation Atlas'}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n as Parameters<typeof t>[0], lang);
  }
}

function explain(e: unknown): [string, string] {
  if (e instanceof DataFileError) {
    const key = e.kind === 'missing' ? 'dataMissing' : 'dataInvalid';
    return [t('errorTitle', lang), t(key, lang, { file: e.file, reason: e.reason, command: e.command })];
  }
  return [t('errorTitle', lang), t('noWebgl', lang, { reason: e instanceof Error ? e.message : String(e) })];
}

async function start(handle: AtlasHandle): Promise<void> {
  const container = document.getElementById('map')!;
  const status = document.getElementById('status')!;
  container.setAttribute('aria-label', t('mapLabel', lang));
  status.textContent = t('loading', lang);
  try {
    const boundaries = await loadBoundaries();
    performance.mark('atlas:data');
    const map = createMap(container, boundaries, lang, t('attribution', lang));
    handle.map = map;
    map.once('load', () => performance.mark('atlas:load'));
    enableDistrictHover(map);
    await whenDrawn(map);
    performance.mark('atlas:ready');
    status.textContent = '';
  } catch (e) {
    status.textContent = '';
    const [title, message] = explain(e);
    showError(container, title, message);
    throw e;
  }
}

applyStrings();
const handle: AtlasHandle = { map: null, ready: Promise.resolve() };
handle.ready = start(handle);
handle.ready.catch(() => undefined); // the error is on screen; scripts awaiting `ready` still see it
window.atlas = handle;
