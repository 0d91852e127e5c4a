/**
 * The sentences service: everything beyond the first view's counts — the documents, the
 * per-document counts, the figures, each place's first and full file — loaded once on first
 * use (a failure is forgotten, so the next use tries again), and what the current state is still
 * waiting for (the handle's `sentences()`: it settles when every tracked load has).
 */
import type { AtlasIndex } from './atlas-data.ts';
import { loadDocuments, loadFigures, loadPlaceFile, loadTalliesByDoc, type PlaceSlice } from './load-site.ts';

/** A loader that runs once; a failure is forgotten, so the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    }));
}

export interface Sentences {
  documents: () => ReturnType<typeof loadDocuments>;
  talliesByDoc: () => ReturnType<typeof loadTalliesByDoc>;
  figures: () => ReturnType<typeof loadFigures>;
  /** A place's first facts (`head`) or all of them. */
  placeSlice(id: string, which: 'head' | 'all'): Promise<PlaceSlice>;
  /** Counts a load as something the current state waits for. */
  track<T>(p: Promise<T>): Promise<T>;
  /** Resolves once nothing tracked is pending (loads started meanwhile included). */
  settled(): Promise<void>;
}

export function createSentences(data: AtlasIndex): Sentences {
  const slices = new Map<string, () => Promise<PlaceSlice>>();
  const pending = new Set<Promise<unknown>>();
  return {
    documents: once(() => loadDocuments(data)),
    talliesByDoc: once(() => loadTalliesByDoc(data)),
    figures: once(() => loadFigures(data)),
    placeSlice(id, which) {
      const key = `${which}:${id}`;
      if (!slices.has(key)) slices.set(key, once(() => loadPlaceFile(id, which, data)));
      return slices.get(key)!();
    },
    track(p) {
      pending.add(p);
      const done = () => pending.delete(p);
      p.then(done, done);
      return p;
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
