/**
 * The place list wired to the store: drawn again when the theme, language or a document
 * filter's counts change, its current place marked on a new selection. A place the pointer
 * rests on (or the keyboard reaches) here or on the map is likely the next selection: its
 * panel's first file is fetched ahead, once.
 */
import type { AtlasState } from '../../state/state.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import type { DocFilter } from '../filter/filter-controller.ts';
import type { MapController } from '../map/map-controller.ts';
import { markCurrentPlace, renderPlaceList } from './place-list-view.ts';

export function mountPlaceListController(ctx: FeatureContext, filter: DocFilter, map: MapController): void {
  const { store, data, sentences } = ctx;
  const root = byId('place-list');
  const draw = (s: AtlasState) => renderPlaceList(root, data, s, s.lang, (place) => store.set({ place }));
  store.subscribe((s, prev) => {
    if (s.topic !== prev.topic || s.lang !== prev.lang) draw(s);
    else if (s.place !== prev.place) markCurrentPlace(root, s.place);
  });
  draw(store.get());
  filter.onApplied(draw);

  const prefetch = (id: string | undefined) => {
    if (id && data.files[id] && !store.get().filter) void sentences.placeSlice(id, 'head').catch(() => undefined);
  };
  for (const type of ['pointerover', 'focusin'] as const) {
    root.addEventListener(type, (e) => prefetch((e.target as Element).closest<HTMLElement>('[data-place]')?.dataset.place));
  }
  map.onHover(prefetch);
}
