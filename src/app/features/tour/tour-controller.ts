/**
 * Presenting, wired to the store: the story's quotes load on first use (or while the reader
 * looks at the map, `warm`); the store's `tour`/`step` mount the caption overlay, move the
 * camera for each step (flying unless reduced motion is asked for) and unmount it on leaving.
 * A story that fails to load is a notice, and the tour is left.
 */
import { factDocOf } from '../../../contract.ts';
import { type AtlasData, indexFacts } from '../../data/atlas-data.ts';
import type { Boundaries } from '../../data/load-boundaries.ts';
import { loadDocFacts } from '../../data/load-site.ts';
import { once } from '../../data/sentences.ts';
import { t } from '../../i18n/strings.ts';
import { beijingBounds, placeCamera } from '../../map/place-camera.ts';
import type { AtlasState } from '../../state/state.ts';
import type { Store } from '../../state/store.ts';
import { STORY_URL, type Story } from './story.ts';
import { mountTour, toggleFullscreen, type TourController } from './tour-view.ts';
import { subjectPadding } from '../map/covers.ts';
import { motionAllowed } from '../../platform/motion.ts';
import { stepFit, stepLegend, stepState } from './tour-model.ts';
import type { Topic } from '../../../types.ts';
import type { MapView } from '../../map/map-view.ts';
import { byId, type FeatureContext } from '../feature-context.ts';

export interface TourLauncher {
  /** Whether the camera belongs to the tour (the map's own fly-to-selection stands aside). */
  active(): boolean;
  /** Loads the presentation's quotes ahead, so 演示 starts at once. */
  warm(): void;
}

/** The 演示 button and the tour; `story` null (none, or a broken one) hides the button. */
export function mountTourLauncher(ctx: FeatureContext, story: Story | null): TourLauncher {
  const { store, data, sentences } = ctx;
  const button = byId('tour-button');
  button.hidden = !story;
  if (!story) return { active: () => false, warm: () => undefined };
  let tour: TourView | null = null;
  const storyData = once(async (): Promise<AtlasData> => {
    const docs = await sentences.documents();
    const wanted = new Set(story.steps.flatMap((st) => st.facts));
    const ids = [...new Set([...wanted].map((f) => factDocOf(f)!))];
    const parts = await Promise.all(ids.map((id) => (docs.documents.has(id) ? loadDocFacts(docs.documents.get(id)!, data) : Promise.reject(new Error(`unknown document ${id}`)))));
    const facts = parts.flatMap((p) => p.file.facts).filter((f) => wanted.has(f.id));
    const missing = [...wanted].find((id) => !facts.some((f) => f.id === id));
    if (missing) throw new Error(`${STORY_URL}: unknown fact id "${missing}"`);
    return indexFacts({ documents: docs.list, places: data.file.places, facts });
  });
  const ensure = (): Promise<TourView | null> => {
    if (tour) return Promise.resolve(tour);
    return sentences.track(
      storyData().then(
        (d) => (tour ??= tourView(ctx.map, store, d, ctx.boundaries, story, { root: byId('tour'), button }, (m) => ctx.notices.notify(m), (topic) => data.districtCounts(topic))),
        (e: Error) => {
          ctx.notices.notify(t('tour.loadFailed', store.get().lang, { reason: e.message }), 'tour');
          if (store.get().tour) store.set({ tour: null, step: null });
          return null;
        },
      ),
    );
  };
  const warm = () => void storyData().catch(() => undefined);
  // A failed load has already said so in a notice.
  button.addEventListener('click', () => void ensure().then((v) => v?.start()));
  for (const type of ['pointerover', 'focusin'] as const) button.addEventListener(type, warm);
  const render = (s: AtlasState) => {
    if (s.tour && !tour) void ensure();
  };
  store.subscribe(render);
  render(store.get());
  return { active: () => tour?.active() ?? false, warm };
}

interface TourView {
  start(): void;
  /** Whether the camera belongs to the tour (the app's own fly-to-selection stands aside). */
  active(): boolean;
}

/** `map` gives the map shown now: the renderer may change while presenting (WebGL context lost). */
function tourView(
  map: () => MapView,
  store: Store,
  data: AtlasData,
  b: Boundaries,
  story: Story,
  els: { root: HTMLElement; button: HTMLElement },
  notify: (message: string) => void,
  /** District counts per theme, from the summary (the story's own slice holds only its quotes). */
  counts: (topic: Topic | null) => Map<string, number>,
): TourView {
  let ctl: TourController | null = null;

  const moveCamera = (step: number) => {
    const view = map();
    // Clear of the caption card (and whatever else covers the map), however large it is.
    const padding = subjectPadding(view.container);
    const animate = motionAllowed();
    const fit = stepFit(story, step);
    if (fit) {
      // A place with nowhere to go (abroad) shows Beijing: the camera never stays where it was.
      const target = placeCamera(data, b, fit) ?? { bounds: beijingBounds(b) };
      if ('bounds' in target) view.fitBounds(target.bounds, { padding, animate, maxZoom: 11 });
      else view.flyTo({ lng: target.center[0], lat: target.center[1], zoom: target.zoom }, { padding, animate });
      return;
    }
    const cam = story.steps[step - 1].camera;
    if (cam) view.flyTo(cam, { padding, animate });
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (s.tour && !ctl) {
      ctl = mountTour(els.root, story, data, s.lang, {
        go: (n) => store.set(stepState(story, n)),
        exit: () => store.set({ tour: null, step: null }),
        fullscreen: () => void toggleFullscreen().then((ok) => ok || notify(t('tour.fullscreenRefused', store.get().lang))),
        legend: (n, lang) => stepLegend(story.steps[n - 1], counts, lang),
      }, s.step ?? 1);
      requestAnimationFrame(() => {
        map().resize();
        moveCamera(s.step ?? 1);
      });
      return;
    }
    if (!s.tour && ctl) {
      ctl.destroy();
      ctl = null;
      requestAnimationFrame(() => map().resize());
      els.button.focus();
      return;
    }
    if (ctl && s.step && (s.step !== prev?.step || s.lang !== prev?.lang)) {
      ctl.render(s.step, s.lang);
      if (s.step !== prev?.step) moveCamera(s.step);
    }
  };

  store.subscribe(render);
  render(store.get(), null);
  return {
    start: () => store.set({ ...stepState(story, 1), doc: null, fact: null, view: null }),
    active: () => ctl !== null,
  };
}
