/** What the atlas shows: the single source of truth, kept in the URL hash. */
import type { Script, Topic } from '../../types.ts';
import type { Lang } from '../i18n/strings.ts';

export const LAYER_IDS = ['districts', 'science-cities', 'sub-parks', 'jjj', 'facilities'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const VIEWS = ['charts', 'docs'] as const;

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

/**
 * Which documents count: a publisher, a date range (ISO, partial allowed: 2021, 2021-06), a
 * script. Every count, colour, panel and chart follows it; null fields do not filter.
 */
export interface DocFilter {
  publisher: string | null;
  from: string | null;
  to: string | null;
  script: Script | null;
}

export interface AtlasState {
  /** Selected place id (a gazetteer id), or null. */
  place: string | null;
  /** Visible layers, in LAYER_IDS order. */
  layers: LayerId[];
  /** Theme filter, or null for all topics. */
  topic: Topic | null;
  lang: Lang;
  /** null = the default view (Beijing fitted). */
  camera: Camera | null;
  /** Document reader: open document id and the fact to scroll to. */
  doc: string | null;
  fact: string | null;
  /** Presentation: the story being presented and its step (1-based), or null. */
  tour: string | null;
  step: number | null;
  /** An overlay view over the map: the charts or the documents list, or null. */
  view: 'charts' | 'docs' | null;
  /** The documents that count, or null for all of them. */
  filter: DocFilter | null;
  /** Hash keys this version does not know, kept so links from newer versions survive a round trip. */
  extra: Array<[string, string]>;
}

export const DEFAULT_STATE: AtlasState = {
  place: null,
  layers: [...LAYER_IDS],
  topic: null,
  lang: 'zh',
  camera: null,
  doc: null,
  fact: null,
  tour: null,
  step: null,
  view: null,
  filter: null,
  extra: [],
};

