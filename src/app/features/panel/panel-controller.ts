/**
 * The place panel wired to the store: a place's first facts from its file (all of them after
 * "show all", or under a document filter), the counts from the summary. Until the file is in,
 * the status line says so; a failed load is a notice. A new selection: the panel answers first
 * and the map follows after that frame is painted (`afterShown`), so the panel never waits for a
 * full map redraw (hundreds of milliseconds on software WebGL).
 */
import type { Topic } from '../../../types.ts';
import { emptyTally } from '../../../place-facts.ts';
import { t } from '../../i18n/strings.ts';
import { afterPaint } from '../../platform/after-paint.ts';
import type { AtlasState } from '../../state/state.ts';
import { explain } from '../../ui/explain-error.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import { type DocFilter, filteredSlice } from '../filter/filter-controller.ts';
import { panelModel } from './panel-model.ts';
import { closePanel, renderPanel } from './panel-view.ts';

export interface PanelController {
  /** Esc: closes the panel if it is open; says whether it did. */
  escape(): boolean;
}

export function mountPanelController(ctx: FeatureContext, filter: DocFilter, afterShown: (place: string | null) => void): PanelController {
  const { store, data, sentences } = ctx;
  const root = byId('panel');
  let expanded: string | null = null;
  let token = 0;

  const handlers = {
    onSelect: (place: string) => store.set({ place }),
    onTopic: (topic: Topic | null) => store.set({ topic }),
    onRead: (doc: string, fact: string) => store.set({ doc, fact }),
    onClose: () => {
      store.set({ place: null });
      ctx.map().focus();
    },
    onShowAll: () => {
      expanded = store.get().place;
      void show(store.get(), false, true);
    },
  };

  const show = (s: AtlasState, focus: boolean, focusFacts = false): Promise<void> => {
    const mine = ++token;
    if (!s.place) {
      const wasOpen = !root.hidden;
      renderPanel(root, null, s.lang, handlers, { focus });
      if (wasOpen) ctx.map().resize();
      return Promise.resolve();
    }
    const place = s.place;
    const all = expanded === place || s.filter !== null;
    // Focus moves to the panel when it arrives, unless the user has moved it elsewhere meanwhile.
    const focusedAt = document.activeElement;
    ctx.status(t('loadingSentences', s.lang));
    return sentences.track(
      sentences.placeSlice(place, all ? 'all' : 'head').then(
        (slice) => {
          if (mine !== token) return;
          ctx.status('');
          const docs = filter.docs();
          const shown = filteredSlice(slice.data, docs, data.file.places);
          // The first facts unless "show all" was asked: the file's own cut, or under a filter
          // (the file of every fact, filtered) the same cut of what the filter leaves.
          const head = expanded !== place && (!slice.complete || docs !== null);
          const model = panelModel(shown, place, s.topic, s.lang, { tally: data.tally(place) ?? emptyTally(), head });
          const wasOpen = !root.hidden;
          renderPanel(root, model, s.lang, handlers, { focus: focus && document.activeElement === focusedAt });
          if (focusFacts) root.querySelector<HTMLElement>('.panel-facts-title, .fact-group-title')?.focus();
          // The panel column opened: the map follows its container at once, so `ready` and the
          // next frame see the map at its new size.
          if (!wasOpen) ctx.map().resize();
        },
        (e: unknown) => {
          if (mine !== token) return;
          ctx.status('');
          ctx.notices.notify((lang) => explain(e, lang)[1], 'facts');
        },
      ),
    );
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (prev && s.place === prev.place && s.topic === prev.topic && s.lang === prev.lang) return;
    const newPlace = !!prev && s.place !== prev.place;
    if (newPlace) expanded = null;
    const shown = show(s, newPlace);
    // A link that names a place but no camera (#place=…) opens on the place too.
    if (newPlace || (!prev && s.place && !s.camera)) void shown.then(() => afterPaint(() => afterShown(s.place)));
  };
  store.subscribe(render);
  render(store.get(), null);
  filter.onApplied((s) => void show(s, false));
  return {
    escape() {
      if (!store.get().place) return false;
      closePanel(root);
      return true;
    },
  };
}
