/**
 * Keeps the URL hash and the store in step. A new selection (place, document) is a history
 * entry, so back/forward move between selections; everything else (layers, topic, camera)
 * replaces the current entry, camera writes throttled.
 */
import { formatState, parseState, type Known, type Notice } from './url-state.ts';
import type { AtlasState } from './state.ts';
import type { Store } from './store.ts';

const isNewEntry = (a: AtlasState, b: AtlasState) => a.place !== b.place || a.doc !== b.doc || a.fact !== b.fact;

export function bindUrl(store: Store, known: Known, onNotices: (n: Notice[]) => void, throttleMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applyingPop = false;
  const write = (push: boolean) => {
    const hash = `#${formatState(store.get())}`;
    if (hash === (location.hash || '#')) return;
    const url = hash === '#' ? location.pathname + location.search : hash;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (applyingPop) return;
    if (isNewEntry(s, prev)) {
      clearTimeout(timer);
      write(true);
    } else {
      clearTimeout(timer);
      timer = setTimeout(() => write(false), throttleMs);
    }
  });
  const onPop = () => {
    const { state, notices } = parseState(location.hash, known);
    if (notices.length) onNotices(notices);
    applyingPop = true;
    try {
      store.set(state);
    } finally {
      applyingPop = false;
    }
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
