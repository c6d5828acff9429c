// What an operator sends on their socket is a use of their login session: working only in the chat
// keeps it from going idle.

import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import type { Logger } from '../realtime/connection.ts';
import { idlePolicy, recordSessionUse } from './sessions.ts';

/** A function to call on every frame; it writes at most once per touch interval. */
export function sessionUseRecorder(
  deps: { store: Store; config: Pick<Config, 'sessionIdleHours'>; log: Logger },
  sessionHash: string,
): () => void {
  const { touchEveryMs } = idlePolicy(deps.config.sessionIdleHours);
  let recordedAt = 0;
  return () => {
    const at = Date.now();
    if (at - recordedAt < touchEveryMs) return;
    recordedAt = at;
    recordSessionUse(deps.store, sessionHash, at, touchEveryMs).catch((err: unknown) =>
      deps.log.warn({ err }, 'could not record a session’s use'),
    );
  };
}
