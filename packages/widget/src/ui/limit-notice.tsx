// What the panel says while the server holds this visitor back: messages sent too fast (with a countdown), or
// too many tabs open. A chunk of its own, with its words: most visitors never reach a limit.

import { useEffect, useState } from 'preact/hooks';
import { format, type Strings } from '../i18n.ts';

/** The whole seconds a visitor is told to wait: "sending again in 3 s", never "in 0 s". */
export const secondsLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

interface LimitNoticeProps {
  /** When the held messages go again (ms since the epoch); 0 when none are held. */
  until: number;
  /** The server refused this tab's socket: too many are open. */
  crowded: boolean;
  strings: Strings;
}

export function LimitNotice({ until, crowded, strings }: LimitNoticeProps) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      {crowded && (
        <p class="status crowded" data-testid="lc-status" role="status">
          {strings.crowded}
        </p>
      )}
      {until > 0 && (
        <p class="status" data-testid="lc-rate-limited" role="status">
          {format(strings.rateLimited, { n: secondsLeft(until - Date.now()) })}
        </p>
      )}
    </>
  );
}
