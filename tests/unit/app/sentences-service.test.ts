import { describe, expect, it } from 'vitest';
import { createSentences, once } from '../../../src/app/data/sentences.ts';
import { data } from './map-fixtures.ts';

describe('the sentences service', () => {
  it('loads once, and tries again after a failure', async () => {
    let calls = 0;
    const load = once(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return calls;
    });
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });

  it('settles when every tracked load has, those started while waiting included', async () => {
    const s = createSentences(data);
    const order: string[] = [];
    let release!: () => void;
    const first = s.track(new Promise<void>((r) => (release = r)).then(() => void order.push('first')));
    const waiting = s.settled().then(() => order.push('settled'));
    // A load that starts while the first is pending, and fails: waited for, not thrown.
    void s.track(Promise.resolve().then(() => order.push('second')).then(() => Promise.reject(new Error('x')))).catch(() => undefined);
    release();
    await Promise.all([first, waiting]);
    expect(order).toEqual(['second', 'first', 'settled']);
    await s.settled();
  });

  it('asks for a place file once per place and cut, through the data folder', async () => {
    const s = createSentences(data);
    const urls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (u: string) => {
      urls.push(String(u));
      return new Response('not json', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const id = [...data.places.keys()].find((p) => data.files[p])!;
      await expect(s.placeSlice(id, 'head')).rejects.toThrow();
      await expect(s.placeSlice(id, 'head')).rejects.toThrow();
      expect(urls.length).toBe(2); // a failure is not kept: asked again
      expect(urls.every((u) => u.startsWith('data/places/'))).toBe(true);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
