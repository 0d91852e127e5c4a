/**
 * What every feature controller is given by the composition root (main.ts): the store it
 * subscribes to, the first view's data and boundaries, the sentences service, the map shown now,
 * and the page's shared lines for notices and loading status.
 */
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { Sentences } from '../data/sentences.ts';
import type { Store } from '../state/store.ts';
import type { MapView } from '../map/map-view.ts';
import type { Lang } from '../i18n/strings.ts';

/** What a notice says, in a given UI language: a notice already shown is said again when the language changes. */
export type Message = (lang: Lang) => string;

export interface Notices {
  /** A quiet, dismissible notice; one per `cause` (the same cause again replaces it and counts the repeat). */
  notify(message: Message, cause: string): void;
}

export interface FeatureContext {
  store: Store;
  data: AtlasIndex;
  boundaries: Boundaries;
  sentences: Sentences;
  /** The map shown now: the renderer may change (WebGL context lost). */
  map(): MapView;
  notices: Notices;
  /** The one-line loading status under the header ('' clears it). */
  status(text: string): void;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
