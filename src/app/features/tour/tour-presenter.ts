/**
 * The tour while it is presented: the store's `tour`/`step` mount the caption overlay, move the
 * camera for each step clear of the card (flying unless reduced motion is asked for) and unmount
 * it on leaving. Loaded with the story's quotes on first use (tour-controller.ts), so none of it
 * is in the first view.
 */
import type { Topic } from '../../../types.ts';
import type { AtlasData } from '../../data/atlas-data.ts';
import type { Boundaries } from '../../data/load-boundaries.ts';
import { t } from '../../i18n/strings.ts';
import { beijingBounds, placeCamera } from '../../map/place-camera.ts';
import type { MapView } from '../../map/map-view.ts';
import { motionAllowed } from '../../platform/motion.ts';
import type { AtlasState } from '../../state/state.ts';
import type { Store } from '../../state/store.ts';
import type { Notices } from '../feature-context.ts';
import { subjectPadding } from '../map/covers.ts';
import type { Story } from './story.ts';
import { stepFit, stepLegend, stepState } from './tour-model.ts';
import { mountTour, toggleFullscreen, type TourController } from './tour-view.ts';

export interface TourView {
  start(): void;
  /** Whether the camera belongs to the tour (the app's own fly-to-selection stands aside). */
  active(): boolean;
}

/** `map` gives the map shown now: the renderer may change while presenting (WebGL context lost). */
export function tourView(
  map: () => MapView,
  store: Store,
  data: AtlasData,
  b: Boundaries,
  story: Story,
  els: { root: HTMLElement; button: HTMLElement },
  notify: Notices['notify'],
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
        fullscreen: () => void toggleFullscreen().then((ok) => ok || notify((lang) => t('tour.fullscreenRefused', lang), 'fullscreen')),
        legend: (n, lang) => stepLegend(story.steps[n - 1], counts, lang),
      }, s.step ?? 1);
      // Opened from a link (#tour=…&step=…): the step shows its own layers, theme and subject, as when stepped to.
      const shown = stepState(story, s.step ?? 1);
      if (shown.layers!.join() !== s.layers.join() || shown.topic !== s.topic || shown.place !== s.place || shown.step !== s.step) store.set({ ...shown, camera: s.camera });
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
