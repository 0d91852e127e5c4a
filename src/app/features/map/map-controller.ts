/**
 * The map wired to the store: it draws every state change, reports clicks, hovers and camera
 * moves, takes the camera to a new selection once the panel has answered, and swaps renderers
 * (WebGL → SVG) keeping the state. The camera goes to a place clear of whatever covers the map
 * (covers.ts); a camera written into the link (a hash change) moves the map there.
 */
import { type MapView, showPlace } from '../../map/map-view.ts';
import { placeCamera } from '../../map/place-camera.ts';
import type { AtlasState, Camera } from '../../state/state.ts';
import { motionAllowed } from '../../platform/motion.ts';
import type { FeatureContext } from '../feature-context.ts';
import { subjectPadding } from './covers.ts';

export interface MapController {
  /** The map shown now. */
  view(): MapView;
  /** Takes the camera to the first of `ids` that has somewhere to go. */
  show(ids: readonly string[]): void;
  /** Lights up places beside the selection (the reader's sentence); [] clears. */
  highlight(ids: readonly string[]): void;
  /** The panel answered a new selection: draw it and, unless the tour holds the camera, go there. */
  follow(place: string | null): void;
  /** Draw the state again (the counts changed under it). */
  redraw(): void;
  setMap(next: MapView): void;
  /** The pointer rests on a place a click would select. */
  onHover(cb: (id: string) => void): void;
}

export function mountMapController(first: MapView, ctx: Omit<FeatureContext, 'map'>, cameraTaken: () => boolean): MapController {
  const { store, data, boundaries: b } = ctx;
  let view = first;
  const hovers: Array<(id: string) => void> = [];

  const go = (place: string) => showPlace(view, data, b, place, subjectPadding(view.container));
  // The camera the map last reported: any other camera in the state came from the link.
  let reported: Camera | null = null;
  const listen = (v: MapView) => {
    v.onPlaceClick((id) => data.places.has(id) && store.set({ place: id }));
    v.onPlaceHover?.((id) => hovers.forEach((cb) => cb(id)));
    v.onCameraChange((camera) => {
      reported = camera;
      store.set({ camera });
    });
  };
  // A new selection is drawn with its camera move (follow), after the panel has answered.
  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (!prev || s.place === prev.place) view.apply(s, prev);
    if (prev && s.camera && s.camera !== prev.camera && s.camera !== reported && !cameraTaken()) {
      view.flyTo(s.camera, { padding: { top: 0, right: 0, bottom: 0, left: 0 }, animate: motionAllowed() });
    }
  };

  store.subscribe(render);
  render(store.get(), null);
  listen(view);
  return {
    view: () => view,
    show(ids) {
      const first = ids.find((id) => placeCamera(data, b, id));
      if (first) go(first);
    },
    highlight: (ids) => view.highlight(ids),
    follow(place) {
      const now = store.get();
      view.apply(now, null);
      if (place && now.place === place && !cameraTaken()) go(place);
    },
    redraw: () => view.apply(store.get(), null),
    setMap(next) {
      view.destroy();
      view = next;
      listen(next);
      next.apply(store.get(), null);
    },
    onHover: (cb) => void hovers.push(cb),
  };
}
