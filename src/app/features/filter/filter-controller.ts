/**
 * The document filter (state.filter): which documents count. The summary answers with the sum
 * of the matching documents' tallies, so every count on the page follows; once they are in,
 * the views drawn from counts are told (`onApplied`) and draw again.
 */
import type { AtlasData, AtlasIndex } from '../../data/atlas-data.ts';
import { indexFacts } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { sumTallies } from '../../../place-facts.ts';
import { matchingDocs, sameFilter } from '../../state/doc-filter.ts';
import type { AtlasState } from '../../state/state.ts';
import { explain } from '../../ui/explain-error.ts';
import type { FeatureContext } from '../feature-context.ts';

export interface DocFilter {
  /** The documents the filter lets count; null without a filter. */
  docs(): ReadonlySet<string> | null;
  /** What the legend says of the filter in force ("2 of 5 documents count"); null without one. */
  line(lang: Lang): string | null;
  /** After a filter's counts are in (and the filter is still the one asked for). */
  onApplied(cb: (s: AtlasState) => void): void;
}

/** The facts of a slice that the filter lets count (all of them without one). */
export function filteredSlice(slice: AtlasData, docs: ReadonlySet<string> | null, places: AtlasIndex['file']['places']): AtlasData {
  if (!docs) return slice;
  return indexFacts({ documents: slice.file.documents, places, facts: slice.file.facts.filter((f) => docs.has(f.doc)) });
}

export function mountDocFilter(ctx: FeatureContext): DocFilter {
  const { store, data, sentences } = ctx;
  let docs: ReadonlySet<string> | null = null;
  let line: ((lang: Lang) => string) | null = null;
  let token = 0;
  const applied: Array<(s: AtlasState) => void> = [];

  const apply = async (s: AtlasState) => {
    const mine = ++token;
    if (!s.filter) {
      data.useTallies(null);
      docs = null;
      line = null;
      return;
    }
    ctx.status(t('filter.loading', s.lang));
    const [list, byDoc] = await Promise.all([sentences.documents(), sentences.talliesByDoc()]);
    if (mine !== token) return;
    const ids = matchingDocs(list.list, s.filter);
    docs = new Set(ids);
    line = (lang) => (ids.length ? t('filter.count', lang, { n: String(ids.length), total: String(list.list.length) }) : t('filter.none', lang));
    data.useTallies(sumTallies(byDoc, ids));
    ctx.status('');
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (prev ? sameFilter(s.filter, prev.filter) : s.filter === null) return;
    sentences.track(apply(s)).then(
      () => {
        const now = store.get();
        if (sameFilter(now.filter, s.filter)) for (const cb of applied) cb(now);
      },
      (e: unknown) => {
        ctx.status('');
        ctx.notices.notify((lang) => explain(e, lang)[1], 'filter');
      },
    );
  };
  store.subscribe(render);
  render(store.get(), null);
  return {
    docs: () => docs,
    line: (lang) => (store.get().filter && line ? line(lang) : null),
    onApplied: (cb) => void applied.push(cb),
  };
}
