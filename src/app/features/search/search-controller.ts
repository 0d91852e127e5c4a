/**
 * The search box wired to the atlas. Names are searched at once; sentences through the prebuilt
 * index, whose files load on the box's first use. The Traditional → Simplified converter (its own
 * chunk, also the panel's 简 toggle) loads on first focus; until then a query matches as typed.
 * Under a document filter, only the sentences of the documents it lets count are found.
 */
import { fetchDataFile } from '../../data/fetch-data-file.ts';
import { FACTS_COMMAND } from '../../data/load-facts.ts';
import { loadT2S } from '../../ui/script-convert.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import type { DocFilter } from '../filter/filter-controller.ts';
import { buildSearchIndex, sentenceResults, type Fold } from './search-model.ts';
import { createSearch } from './search-view.ts';
import { sentenceSearch } from './sentence-search.ts';

export function mountSearchController(ctx: FeatureContext, filter: DocFilter): void {
  const { store, data } = ctx;
  const input = byId<HTMLInputElement>('search');
  let fold: Fold = (x) => x;
  const sentenceIndex = sentenceSearch((path) => fetchDataFile(`data/${path}`, FACTS_COMMAND), () => fold);
  let names = buildSearchIndex(data);
  const lookup = (q: string, limit: number) => {
    const docs = filter.docs();
    return sentenceIndex.query(q, limit, docs ? (d) => docs.has(d) : undefined).then((hits) => sentenceResults(names, hits, store.get().lang));
  };
  const search = createSearch(input, byId('search-results'), names, { onSelect: (id) => store.set({ place: id }) }, store.get().lang, lookup);
  input.addEventListener(
    'focus',
    () =>
      void loadT2S().then(
        (f) => {
          fold = f;
          search.setIndex((names = buildSearchIndex(data, fold)));
        },
        () => undefined,
      ),
    { once: true },
  );
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) search.setLang(s.lang);
  });
}
