// Checking a one-time link's token when its page opens: usable, refused with the server's reason, or unreachable.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../transport/http.ts';

export type LinkCheck<T> =
  | { state: 'checking' }
  | { state: 'usable'; data: T }
  | { state: 'refused'; reason: string }
  | { state: 'failed'; message: string };

/** Without a token there is nothing to ask the server: the page says so at once. */
export function useLinkCheck<T>(
  token: string | null,
  check: (token: string) => Promise<T>,
  missing: string,
): [LinkCheck<T>, (next: LinkCheck<T>) => void, () => void] {
  const [result, setResult] = useState<LinkCheck<T>>(
    token ? { state: 'checking' } : { state: 'refused', reason: missing },
  );
  const run = useCallback(() => {
    if (!token) return;
    setResult({ state: 'checking' });
    check(token).then(
      (data) => setResult({ state: 'usable', data }),
      (error: unknown) => setResult(refusalOf(error)),
    );
  }, [token]);
  useEffect(run, [run]);
  return [result, setResult, run];
}

/** A 4xx is the server's verdict on the link; anything else may pass, so the page offers to try again. */
export function refusalOf(error: unknown): LinkCheck<never> {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    return { state: 'refused', reason: error.message };
  }
  return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
}

export const isTokenRefusal = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'token_invalid' || error.status === 410);
