/**
 * Presenting, wired to the store: the 演示 button, and the tour itself (tour-presenter.ts) with
 * the story's quotes, both loaded on first use (or while the reader looks at the map, `warm`).
 * A story that fails to load is a notice, and the tour is left.
 */
import { factDocOf } from '../../../contract.ts';
import { type AtlasData, indexFacts } from '../../data/atlas-data.ts';
import { loadDocFacts } from '../../data/load-site.ts';
import { once } from '../../data/sentences.ts';
import { t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { STORY_URL, type Story } from './story.ts';
import type { TourView } from './tour-presenter.ts';
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
  const presenter = once(() => import('./tour-presenter.ts'));
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
      Promise.all([storyData(), presenter()]).then(
        ([d, m]) => (tour ??= m.tourView(ctx.map, store, d, ctx.boundaries, story, { root: byId('tour'), button }, (message, cause) => ctx.notices.notify(message, cause), (topic) => data.districtCounts(topic))),
        (e: Error) => {
          ctx.notices.notify((lang) => t('tour.loadFailed', lang, { reason: e.message }), 'tour');
          if (store.get().tour) store.set({ tour: null, step: null });
          return null;
        },
      ),
    );
  };
  const warm = () => void Promise.all([storyData(), presenter()]).catch(() => undefined);
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
