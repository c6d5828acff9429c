// What the panel says while the server holds this visitor back: messages sent too fast (with a countdown), or
// too many tabs open. A chunk of its own, with its words: most visitors never reach a limit.

import { useEffect, useState } from 'preact/hooks';
import { format, type Strings } from '../i18n.ts';
import type { ChatState } from './chat-state.ts';

/** The whole seconds a visitor is told to wait: "sending again in 3 s", never "in 0 s". */
export const secondsLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

interface LimitNoticeProps {
  /** Its `limitedUntil` and `status` (crowded: too many tabs open). */
  state: ChatState;
  strings: Strings;
}

export function LimitNotice({ state, strings }: LimitNoticeProps) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      {state.status === 'crowded' && (
        <p class="status crowded" data-testid="lc-status" role="status">
          {strings.crowded}
        </p>
      )}
      {state.limitedUntil > 0 && (
        <p class="status" data-testid="lc-rate-limited" role="status">
          {format(strings.rateLimited, { n: secondsLeft(state.limitedUntil - Date.now()) })}
        </p>
      )}
    </>
  );
}
