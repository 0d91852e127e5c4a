/**
 * The document reader wired to the store (state.doc, state.fact): the document's text and facts
 * load when it opens; a text from another run, or one that fails to load, is said in the reader
 * instead. The sentence being read lights up its places and the map goes there; the state (and
 * the URL) stay on the fact the reader was opened at, so reading does not re-render it.
 */
import { DataFileError } from '../../data/fetch-data-file.ts';
import { DOCUMENTS_URL, loadDocFacts } from '../../data/load-site.ts';
import { once } from '../../data/sentences.ts';
import { t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { excerpt, type Notice } from '../../state/url-state.ts';
import { placeName } from '../../ui/labels.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import type { MapController } from '../map/map-controller.ts';
import { textProblem } from './reader-model.ts';

/** The reader's DOM and text loading, fetched with the first document opened (it stays out of the first view). */
type ReaderView = typeof import('./reader-view.ts');
const loadView = once(() => import('./reader-view.ts'));

export interface ReaderController {
  /** Esc: closes the reader if it is open; says whether it did. */
  escape(): boolean;
}

export function mountReaderController(ctx: FeatureContext, map: MapController, urlNotices: (n: Notice[]) => void): ReaderController {
  const { store, data, sentences } = ctx;
  const root = byId('reader');
  const handlers = {
    onSelect: (id: string) => store.set({ place: id, doc: null, fact: null }),
    onClose: () => {
      map.highlight([]);
      store.set({ doc: null, fact: null });
    },
    onSentence: (_fact: string, placeIds: string[]) => {
      map.highlight(placeIds);
      map.show(placeIds);
    },
    nameOf: (id: string) => {
      const p = data.places.get(id);
      return p ? placeName(p, store.get().lang) : id;
    },
  };

  let token = 0;
  let view: ReaderView | null = null;
  const show = async (s: AtlasState) => {
    const mine = ++token;
    if (!s.doc) {
      if (view?.isReaderOpen(root)) view.hideReader(root);
      return;
    }
    let v: ReaderView;
    try {
      v = view ??= await loadView();
    } catch (e) {
      if (mine === token) ctx.notices.notify((lang) => t('viewLoadFailed', lang, { reason: (e as Error).message }), 'reader');
      return;
    }
    const { loadDocText, openReader, showReaderMessage } = v;
    if (mine !== token) return;
    showReaderMessage(root, s.doc, t('readerLoading', s.lang), s.lang, handlers);
    let title = s.doc;
    try {
      const [docs, text] = await Promise.all([sentences.documents(), loadDocText(s.doc)]);
      const doc = docs.documents.get(s.doc);
      if (!doc) throw new Error(`${DOCUMENTS_URL}: no document ${s.doc}`);
      title = doc.title;
      const facts = await loadDocFacts(doc, data);
      if (mine !== token) return;
      const docFacts = facts.file.facts;
      // A text from another run would put every highlight on the wrong words: say so instead.
      const problem = textProblem(text, doc, docFacts);
      if (problem) {
        const file = `data/docs/${s.doc}.txt`;
        const key = problem.kind === 'empty' ? 'readerEmpty' : problem.kind === 'length' ? 'readerLength' : 'readerMismatch';
        showReaderMessage(root, doc.title, t(key, s.lang, { file, ...Object.fromEntries(Object.entries(problem).map(([k, v]) => [k, String(v)])) }), s.lang, handlers, true);
        return;
      }
      // A link to a fact this document no longer has opens the document at its start.
      const fact = s.fact && facts.facts.has(s.fact) ? s.fact : null;
      if (s.fact && !fact) urlNotices([{ key: 'unknownFact', value: excerpt(s.fact) }]);
      openReader(root, doc, text, docFacts, fact, s.lang, handlers, { places: data.places.values() });
    } catch (e) {
      if (mine !== token) return;
      // A data file's error names its file; the message names it once.
      const [file, reason] = e instanceof DataFileError ? [e.file, e.reason] : [`data/docs/${s.doc}.txt`, (e as Error).message];
      showReaderMessage(root, title, t('readerFailed', s.lang, { file, reason }), s.lang, handlers, true);
    }
  };

  const render = (s: AtlasState, prev: AtlasState | null) => {
    if (!prev || s.doc !== prev.doc || s.fact !== prev.fact || (s.doc && s.lang !== prev.lang)) void sentences.track(show(s));
  };
  store.subscribe(render);
  render(store.get(), null);
  return {
    escape() {
      if (!view?.isReaderOpen(root)) return false;
      view.closeReader(root);
      return true;
    },
  };
}
