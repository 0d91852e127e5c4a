/**
 * Keeps the URL hash and the store in step. A new selection (place, document) is a history
 * entry, so back/forward move between selections; everything else (layers, topic, camera)
 * replaces the current entry, camera writes throttled. A new entry is written once the frame
 * showing the selection has been painted: pushState costs ~10 ms in Chromium, and the panel
 * should not wait for the address bar.
 */
import { formatState, parseState, type Known, type Notice } from './url-state.ts';
import type { AtlasState } from './state.ts';
import type { Store } from './store.ts';
import { afterPaint } from '../platform/after-paint.ts';

const isNewEntry = (a: AtlasState, b: AtlasState) => a.place !== b.place || a.doc !== b.doc || a.fact !== b.fact;

export function bindUrl(store: Store, known: Known, onNotices: (n: Notice[]) => void, throttleMs = 300, later = afterPaint): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pushPending = false;
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
      // Selections made within one frame make one entry, with the latest state.
      if (pushPending) return;
      pushPending = true;
      later(() => {
        pushPending = false;
        write(true);
      });
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
