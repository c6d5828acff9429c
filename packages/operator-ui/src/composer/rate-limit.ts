// The composer's side of "too fast": the refused text comes back into the box, and a countdown until sending works.

import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { workspace } from '../state/live.ts';
import { rateLimitedText, retrySeconds } from '../state/rate-limits.ts';

const TICK_MS = 250;

/** What to show while the server refuses sends in this conversation; null once it would take them again. */
export function useRateLimit(conversationId: string, giveBack: (unsent: string) => void): string | null {
  const limit = workspace.rateLimits.byConversation.value.get(conversationId);
  const [now, setNow] = useState(() => Date.now());

  useLayoutEffect(() => {
    if (!limit?.unsent) return;
    const unsent = workspace.rateLimits.takeUnsent(conversationId);
    if (unsent) giveBack(unsent);
  }, [limit?.unsent]);

  const until = limit?.until ?? 0;
  useEffect(() => {
    if (until === 0) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) {
        clearInterval(timer);
        workspace.rateLimits.clear(conversationId);
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [until]);

  const waitMs = until - now;
  return waitMs > 0 ? rateLimitedText(retrySeconds(waitMs)) : null;
}

/** The refused text before whatever was typed since, so the oldest words come first. */
export function withUnsent(unsent: string, typed: string): string {
  return typed.trim() === '' ? unsent : `${unsent}\n${typed}`;
}
