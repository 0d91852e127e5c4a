/**
 * The URL hash ⇄ AtlasState. `parseState` never throws: whatever the hash holds, it returns a
 * valid state plus notices for the values it had to ignore; unknown keys are kept (`extra`)
 * so links written by a newer version survive a round trip through this one.
 */
import { FILTER_DATE } from './doc-filter.ts';
import { SCRIPTS } from '../../contract.ts';
import type { Script, Topic } from '../../types.ts';
import { isLang } from '../i18n/locale.ts';
import { type AtlasState, type Camera, DEFAULT_STATE, type DocFilter, LAYER_IDS, type LayerId, VIEWS } from './state.ts';

export interface Known {
  places: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  docs: ReadonlySet<string>;
  /** The document a fact belongs to, or undefined for an unknown fact. */
  factDoc: (factId: string) => string | undefined;
  /** Stories that can be presented, with their number of steps. */
  tours?: ReadonlyMap<string, number>;
}

export type NoticeKey = 'unknownPlace' | 'unknownLayer' | 'unknownTopic' | 'unknownLang' | 'badCamera' | 'unknownDoc' | 'unknownFact' | 'unknownTour' | 'badStep' | 'unknownView' | 'badFilter';
export interface Notice {
  key: NoticeKey;
  value: string;
}

const KEYS = ['place', 'layers', 'topic', 'lang', 'cam', 'doc', 'fact', 'tour', 'step', 'view', 'pub', 'from', 'to', 'script'];
/** A link chooses a notice's excerpt: short enough that it cannot carry a message of its own. */
export const MAX_EXCERPT = 24;
const MAX_PUBLISHER = 100;
const CAMERA_LIMITS = { lng: [100, 135], lat: [25, 50], zoom: [3, 16] } as const;

/** A link value as a notice quotes it: on one line, control characters shown as spaces, clipped (never inside a surrogate pair). */
export function excerpt(v: string): string {
  const line = v.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  const chars = [...line];
  return chars.length > MAX_EXCERPT ? `${chars.slice(0, MAX_EXCERPT).join('')}…` : line;
}

/** One notice per cause: the first value quoted, how many more there were counted. */
export function groupNotices(notices: readonly Notice[]): Array<Notice & { more: number }> {
  const byKey = new Map<NoticeKey, Notice & { more: number }>();
  for (const n of notices) {
    const seen = byKey.get(n.key);
    if (seen) seen.more++;
    else byKey.set(n.key, { ...n, more: 0 });
  }
  return [...byKey.values()];
}

function parseCamera(v: string): Camera | null {
  const parts = v.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p.trim()))) return null;
  const [lng, lat, zoom] = parts.map(Number);
  const inside = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  if (!inside(lng, CAMERA_LIMITS.lng) || !inside(lat, CAMERA_LIMITS.lat) || !inside(zoom, CAMERA_LIMITS.zoom)) return null;
  return { lng, lat, zoom };
}

export function parseState(hash: string, known: Known): { state: AtlasState; notices: Notice[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: AtlasState = { ...DEFAULT_STATE, layers: [...DEFAULT_STATE.layers], extra: [] };
  const notices: Notice[] = [];
  const first = (k: string) => params.get(k);
  const note = (key: NoticeKey, value: string) => notices.push({ key, value: excerpt(value) });

  const place = first('place');
  if (place !== null && place !== '') {
    if (known.places.has(place)) state.place = place;
    else note('unknownPlace', place);
  }
  const layers = first('layers');
  if (layers !== null) {
    const asked = layers.split(',').filter((l) => l !== '');
    for (const l of asked) if (!(LAYER_IDS as readonly string[]).includes(l)) note('unknownLayer', l);
    state.layers = LAYER_IDS.filter((id) => asked.includes(id));
  }
  const topic = first('topic');
  if (topic !== null && topic !== '') {
    if (known.topics.has(topic)) state.topic = topic as Topic;
    else note('unknownTopic', topic);
  }
  const lang = first('lang');
  if (lang !== null) {
    if (isLang(lang)) state.lang = lang;
    else note('unknownLang', lang);
  }
  const cam = first('cam');
  if (cam !== null) {
    state.camera = parseCamera(cam);
    if (!state.camera) note('badCamera', cam);
  }
  const doc = first('doc');
  if (doc !== null && doc !== '') {
    if (known.docs.has(doc)) state.doc = doc;
    else note('unknownDoc', doc);
  }
  const fact = first('fact');
  if (fact !== null && fact !== '') {
    const inDoc = known.factDoc(fact);
    if (inDoc !== undefined && (state.doc === null || state.doc === inDoc)) {
      state.fact = fact;
      state.doc = inDoc;
    } else note('unknownFact', fact);
  }
  const tour = first('tour');
  if (tour !== null && tour !== '') {
    const steps = known.tours?.get(tour);
    if (steps !== undefined) {
      state.tour = tour;
      const step = first('step');
      const n = step !== null && /^\d{1,4}$/.test(step) ? Number(step) : 1;
      if (step !== null && (n < 1 || n > steps || !/^\d{1,4}$/.test(step))) note('badStep', step);
      state.step = n >= 1 && n <= steps ? n : 1;
    } else note('unknownTour', tour);
  }
  const view = first('view');
  if (view !== null && view !== '') {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as AtlasState['view'];
    else note('unknownView', view);
  }
  const filter: DocFilter = { publisher: null, from: null, to: null, script: null };
  const pub = first('pub');
  if (pub !== null && pub !== '') {
    if (pub.length <= MAX_PUBLISHER && !/\p{Cc}/u.test(pub)) filter.publisher = pub;
    else note('badFilter', pub);
  }
  for (const k of ['from', 'to'] as const) {
    const v = first(k);
    if (v === null || v === '') continue;
    if (FILTER_DATE.test(v)) filter[k] = v;
    else note('badFilter', v);
  }
  const script = first('script');
  if (script !== null && script !== '') {
    if ((SCRIPTS as readonly string[]).includes(script)) filter.script = script as Script;
    else note('badFilter', script);
  }
  if (Object.values(filter).some((v) => v !== null)) state.filter = filter;
  const seen = new Set<string>();
  for (const [k, v] of params) {
    if (KEYS.includes(k) || seen.has(k)) continue;
    seen.add(k);
    state.extra.push([k, v]);
  }
  return { state, notices };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Only what differs from the defaults goes into the hash, in a fixed key order. */
export function formatState(s: AtlasState): string {
  const p = new URLSearchParams();
  if (s.place) p.set('place', s.place);
  const allLayers = s.layers.length === LAYER_IDS.length;
  if (!allLayers) p.set('layers', s.layers.join(','));
  if (s.topic) p.set('topic', s.topic);
  if (s.lang !== DEFAULT_STATE.lang) p.set('lang', s.lang);
  if (s.camera) p.set('cam', `${round(s.camera.lng, 4)},${round(s.camera.lat, 4)},${round(s.camera.zoom, 2)}`);
  if (s.doc) p.set('doc', s.doc);
  if (s.fact) p.set('fact', s.fact);
  if (s.tour) p.set('tour', s.tour);
  if (s.tour && s.step) p.set('step', String(s.step));
  if (s.view) p.set('view', s.view);
  if (s.filter?.publisher) p.set('pub', s.filter.publisher);
  if (s.filter?.from) p.set('from', s.filter.from);
  if (s.filter?.to) p.set('to', s.filter.to);
  if (s.filter?.script) p.set('script', s.filter.script);
  for (const [k, v] of s.extra) p.append(k, v);
  // Commas in layer lists and cameras read better unescaped.
  return p.toString().replace(/%2C/g, ',');
}

export type { LayerId };
