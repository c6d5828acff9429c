// Loading data for a page: a hook that fetches and refetches, and the standard "loading / failed" states.

import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../transport/http.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'failed'; message: string; status: number }
  | { state: 'ready'; data: T };

/** Runs `fetcher` whenever a dependency changes; only the newest answer is kept. */
export function useLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    fetcher().then(
      (data) => {
        if (mine === generation.current) setLoad({ state: 'ready', data });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        const status = error instanceof ApiError ? error.status : 0;
        setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error), status });
      },
    );
  }, deps);
  useEffect(() => {
    setLoad({ state: 'loading' });
    run();
    return () => {
      generation.current++;
    };
  }, [run]);
  return [load, run];
}

/** Renders the children with the data once loaded, and a clear line while loading or after a failure. */
export function Loaded<T>({
  load,
  what,
  retry,
  children,
}: {
  load: Load<T>;
  what: string;
  retry?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (load.state === 'loading') {
    return (
      <p class="screen__muted" role="status">
        Loading {what}…
      </p>
    );
  }
  if (load.state === 'failed') {
    const text =
      load.status === 404
        ? `This ${what} does not exist (or no longer exists).`
        : `The ${what} could not be loaded: ${load.message}`;
    return (
      <div class="screen__error" role="alert">
        <span>{text}</span>
        {retry && load.status !== 404 && (
          <button type="button" class="button button--small" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return <>{children(load.data)}</>;
}
