import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/app/state/store.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';

describe('createStore', () => {
  it('merges patches and tells listeners the new and previous state', () => {
    const store = createStore(DEFAULT_STATE);
    const seen: Array<[string | null, string | null]> = [];
    store.subscribe((s, prev) => seen.push([s.place, prev.place]));
    store.set({ place: 'haidian' });
    store.set({ place: 'fengtai' });
    expect(seen).toEqual([['haidian', null], ['fengtai', 'haidian']]);
    expect(store.get()).toMatchObject({ place: 'fengtai', lang: 'zh' });
  });

  it('stops calling a listener after it unsubscribes', () => {
    const store = createStore(DEFAULT_STATE);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set({ topic: 'ai' });
    off();
    store.set({ topic: 'quantum' });
    expect(calls).toBe(1);
  });
});
