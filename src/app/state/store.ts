/** A tiny observable holder for AtlasState; views subscribe, events call `set`. */
import type { AtlasState } from './state.ts';

export type Listener = (state: AtlasState, prev: AtlasState) => void;

export interface Store {
  get(): AtlasState;
  set(patch: Partial<AtlasState>): void;
  subscribe(fn: Listener): () => void;
}

export function createStore(initial: AtlasState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const prev = state;
      state = { ...state, ...patch };
      for (const fn of listeners) fn(state, prev);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
