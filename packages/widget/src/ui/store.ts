// A minimal observable store for the chat state, and the hook components read it with.

import { useEffect, useReducer } from 'preact/hooks';

export interface Store<S, E> {
  get(): S;
  dispatch(event: E): void;
  subscribe(listener: (state: S) => void): () => void;
}

export function createStore<S, E>(initial: S, reduce: (state: S, event: E) => S): Store<S, E> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    get: () => state,
    dispatch(event) {
      const next = reduce(state, event);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<S, E>(store: Store<S, E>): S {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const state = store.get();
  useEffect(() => {
    const unsubscribe = store.subscribe(() => rerender(undefined));
    // Events may have arrived between this render and the subscription.
    if (store.get() !== state) rerender(undefined);
    return unsubscribe;
  }, [store]);
  return state;
}
