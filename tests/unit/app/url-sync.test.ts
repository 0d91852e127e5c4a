import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindUrl } from '../../../src/app/state/url-sync.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { createStore } from '../../../src/app/state/store.ts';
import type { Known } from '../../../src/app/state/url-state.ts';

const known: Known = { places: new Set(['haidian', 'chaoyang', 'fengtai']), topics: new Set(['ai']), docs: new Set(), factDoc: () => undefined };

/** A browser's location and history, enough for bindUrl: every entry written, and popstate. */
function fakeBrowser() {
  const location = { hash: '', pathname: '/', search: '' };
  const written: Array<['push' | 'replace', string]> = [];
  const write = (kind: 'push' | 'replace') => (_: unknown, __: string, url: string) => {
    written.push([kind, url]);
    location.hash = url.startsWith('#') ? url : '';
  };
  const listeners: Array<() => void> = [];
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { pushState: write('push'), replaceState: write('replace') });
  vi.stubGlobal('window', { addEventListener: (_: string, f: () => void) => listeners.push(f), removeEventListener: () => undefined });
  return { location, written, pop: (hash: string) => ((location.hash = hash), listeners.forEach((f) => f())) };
}

/** The frame under the app's control: what bindUrl defers runs when the test says the frame was painted. */
function frames() {
  const queue: Array<() => void> = [];
  return { later: (f: () => void) => void queue.push(f), paint: () => queue.splice(0).forEach((f) => f()) };
}

describe('bindUrl', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes a selection as a new history entry once its frame has been painted, not before', () => {
    const browser = fakeBrowser();
    const frame = frames();
    const store = createStore(DEFAULT_STATE);
    bindUrl(store, known, () => undefined, 300, frame.later);
    store.set({ place: 'haidian' });
    expect(browser.written).toEqual([]);
    frame.paint();
    expect(browser.written).toEqual([['push', '#place=haidian']]);
  });

  it('makes one entry, with the latest state, of selections within one frame', () => {
    const browser = fakeBrowser();
    const frame = frames();
    const store = createStore(DEFAULT_STATE);
    bindUrl(store, known, () => undefined, 300, frame.later);
    store.set({ place: 'haidian' });
    store.set({ place: 'chaoyang' });
    frame.paint();
    store.set({ place: 'fengtai' });
    frame.paint();
    expect(browser.written).toEqual([
      ['push', '#place=chaoyang'],
      ['push', '#place=fengtai'],
    ]);
  });

  it('replaces the entry for other changes, after the throttle', () => {
    const browser = fakeBrowser();
    const store = createStore(DEFAULT_STATE);
    bindUrl(store, known, () => undefined, 300, frames().later);
    store.set({ topic: 'ai' });
    vi.advanceTimersByTime(299);
    expect(browser.written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(browser.written).toEqual([['replace', '#topic=ai']]);
  });

  it('follows back/forward into the store without writing an entry, even with a write pending', () => {
    const browser = fakeBrowser();
    const frame = frames();
    const store = createStore(DEFAULT_STATE);
    bindUrl(store, known, () => undefined, 300, frame.later);
    store.set({ place: 'haidian' });
    browser.pop('#place=fengtai');
    expect(store.get().place).toBe('fengtai');
    frame.paint();
    expect(browser.written).toEqual([]);
    expect(browser.location.hash).toBe('#place=fengtai');
  });
});
