/**
 * The charts and documents views over the map (state.view): their header buttons, and the views
 * themselves loaded with their first opening (a link may open one at once), so d3 and the
 * charts stay out of the first view. A document filter's counts redraw the open view.
 */
import { DataFileError } from '../../data/fetch-data-file.ts';
import { t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import type { DocFilter } from '../filter/filter-controller.ts';
import type { OverlayHandle } from './overlay-controller.ts';

export interface OverlayLauncher {
  /** Esc: closes the open view; says whether one was open. */
  escape(): boolean;
}

export function mountOverlayLauncher(ctx: FeatureContext, filter: DocFilter): OverlayLauncher {
  const { store, sentences } = ctx;
  const buttons = { charts: byId('charts-button'), docs: byId('docs-button') };
  for (const view of ['charts', 'docs'] as const) {
    buttons[view].hidden = false;
    buttons[view].addEventListener('click', () => store.set({ view: store.get().view === view ? null : view }));
  }
  let overlay: OverlayHandle | null = null;
  let loading = false;
  const load = (s: AtlasState) => {
    if (loading || !s.view) return;
    loading = true;
    const sources = { index: ctx.data, documents: sentences.documents, figures: sentences.figures, filterDocs: filter.docs };
    void sentences.track(
      import('./overlay-controller.ts')
        .then((m) => (overlay = m.overlayView(byId('overlay'), store, sources, buttons)))
        .catch((e: Error) => {
          loading = false;
          // A broken data file has its own notice already: do not say it twice.
          if (!(e instanceof DataFileError)) ctx.notices.notify((lang) => t('viewLoadFailed', lang, { reason: e.message }), 'view');
        }),
    );
  };
  store.subscribe(load);
  load(store.get());
  filter.onApplied((s) => overlay?.refresh(s));
  return {
    escape() {
      if (!store.get().view) return false;
      store.set({ view: null });
      return true;
    },
  };
}
