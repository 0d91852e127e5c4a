/**
 * A story: the presentation as data (seeds/story.json, served as data/story.json). Each step
 * says where the camera goes, which layers and topic are shown, which places are highlighted
 * and which facts are its captions. Captions are fact ids, never text: what the audience reads
 * is always a sentence from a source document. The only typed text is the short step titles.
 */
import { factDocOf } from '../../../contract.ts';
import type { Topic } from '../../../types.ts';
import type { AtlasIndex } from '../../data/atlas-data.ts';
import { DataFileError, fetchDataFile } from '../../data/fetch-data-file.ts';
import type { Lang } from '../../i18n/strings.ts';
import { type Camera, LAYER_IDS, type LayerId } from '../../state/state.ts';
import { isTopic } from '../../ui/labels.ts';

export const STORY_URL = 'data/story.json';
export const STORY_COMMAND = 'npm run data';

/** The map's own limits (create-map.ts: maxBounds and zoom range): a step camera must lie inside. */
export const STORY_CAMERA_LIMITS = { lng: [110, 123], lat: [34, 44.5], zoom: [5, 14] } as const;
/** Captions per step. */
export const MAX_CAPTIONS = 3;

export type Titles = Record<Lang, string>;

export interface StoryStep {
  title: Titles;
  /** Exactly one of camera and fit is set: a fixed view, or a place whose extent the caller fits. */
  camera: Camera | null;
  fit: string | null;
  /** Visible layers, in LAYER_IDS order. */
  layers: LayerId[];
  topic: Topic | null;
  /** The places the step is about; the first becomes the selected place. May be empty. */
  highlight: string[];
  /** Fact ids whose exact sentences are the captions (1–3). */
  facts: string[];
}

export interface Story {
  id: string;
  title: Titles;
  steps: StoryStep[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

function titles(x: unknown): Titles | null {
  return isObject(x) && nonEmpty(x.zh) && nonEmpty(x.en) ? { zh: x.zh, en: x.en } : null;
}

/**
 * Checks a story against the loaded facts and returns it typed. Throws a DataFileError (an Error)
 * whose message names the file and, for a step problem, the step number (1-based) and its title.
 */
export function parseStory(json: unknown, data: AtlasIndex, file = STORY_URL): Story {
  const fail = (reason: string): never => {
    throw new DataFileError(file, reason, 'invalid', STORY_COMMAND);
  };
  if (!isObject(json)) return fail('the story must be an object with id, title and steps');
  if (!nonEmpty(json.id)) return fail('the story has no id');
  const storyTitle = titles(json.title) ?? fail('the story title needs "zh" and "en"');
  if (!Array.isArray(json.steps) || json.steps.length === 0) return fail('the story has no steps');

  const steps = json.steps.map((raw: unknown, i): StoryStep => {
    const name = isObject(raw) && isObject(raw.title) && nonEmpty(raw.title.zh) ? ` (“${raw.title.zh}”)` : '';
    const bad = (reason: string): never => fail(`step ${i + 1}${name}: ${reason}`);
    if (!isObject(raw)) return bad('must be an object');
    const title = titles(raw.title) ?? bad('the title needs "zh" and "en"');

    const hasCamera = raw.camera !== undefined && raw.camera !== null;
    const hasFit = raw.fit !== undefined && raw.fit !== null;
    if (hasCamera === hasFit) bad('give exactly one of "camera" and "fit"');
    let camera: Camera | null = null;
    if (hasCamera) {
      const c = raw.camera;
      if (!isObject(c)) return bad('camera must be {lng, lat, zoom}');
      const inside = (v: unknown, [lo, hi]: readonly [number, number]) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
      const L = STORY_CAMERA_LIMITS;
      if (!inside(c.lng, L.lng) || !inside(c.lat, L.lat) || !inside(c.zoom, L.zoom)) {
        bad(`camera ${JSON.stringify(c)} is outside lng ${L.lng.join('–')}, lat ${L.lat.join('–')}, zoom ${L.zoom.join('–')}`);
      }
      camera = { lng: c.lng as number, lat: c.lat as number, zoom: c.zoom as number };
    }
    let fit: string | null = null;
    if (hasFit) {
      if (typeof raw.fit !== 'string' || !data.places.has(raw.fit)) bad(`unknown place id ${JSON.stringify(raw.fit)} in "fit"`);
      fit = raw.fit as string;
    }

    if (!Array.isArray(raw.layers)) return bad('"layers" must be a list of layer ids');
    for (const l of raw.layers) {
      if (!(LAYER_IDS as readonly unknown[]).includes(l)) bad(`unknown layer id ${JSON.stringify(l)} (known: ${LAYER_IDS.join(', ')})`);
    }
    const layers = LAYER_IDS.filter((id) => (raw.layers as unknown[]).includes(id));

    const topicRaw = raw.topic ?? null;
    if (topicRaw !== null && !(typeof topicRaw === 'string' && isTopic(topicRaw))) bad(`unknown topic ${JSON.stringify(topicRaw)}`);
    const topic = topicRaw as Topic | null;

    const highlightRaw = raw.highlight ?? [];
    if (!Array.isArray(highlightRaw)) return bad('"highlight" must be a list of place ids');
    for (const p of highlightRaw) if (typeof p !== 'string' || !data.places.has(p)) bad(`unknown place id ${JSON.stringify(p)} in "highlight"`);

    if (!Array.isArray(raw.facts) || raw.facts.length < 1 || raw.facts.length > MAX_CAPTIONS) bad(`"facts" must list 1 to ${MAX_CAPTIONS} fact ids`);
    for (const f of raw.facts as unknown[]) if (typeof f !== 'string' || !data.docIds.has(factDocOf(f) ?? '')) bad(`unknown fact id ${JSON.stringify(f)}`);
    if (new Set(raw.facts as string[]).size !== (raw.facts as string[]).length) bad('a fact is listed twice');

    return { title, camera, fit, layers, topic, highlight: [...(highlightRaw as string[])], facts: [...(raw.facts as string[])] };
  });
  return { id: json.id, title: storyTitle, steps };
}

/** The file alone, so it can be fetched beside the data it is checked against. */
export const fetchStory = (fetcher: typeof fetch = fetch): Promise<unknown> => fetchDataFile(STORY_URL, STORY_COMMAND, fetcher);
