// Every limit's working parts, built once per app from the settings and one counter store.

import type { LimitsConfig } from '../config.ts';
import type { CounterStore } from './counter-store.ts';
import { HashSlots } from './hash-slots.ts';
import { Limiter } from './limiter.ts';
import { LoginThrottle } from './login-throttle.ts';
import { SocketQuota } from './socket-quota.ts';

export interface Limits {
  settings: LimitsConfig;
  counters: CounterStore;
  limiter: Limiter;
  sockets: SocketQuota;
  logins: LoginThrottle;
  hashSlots: HashSlots;
}

export function buildLimits(settings: LimitsConfig, counters: CounterStore): Limits {
  return {
    settings,
    counters,
    limiter: new Limiter(counters),
    sockets: new SocketQuota(counters),
    logins: new LoginThrottle(counters, {
      freeFailures: settings.loginFreeFailures,
      maxDelayMs: settings.loginMaxDelayMs,
    }),
    hashSlots: new HashSlots(settings.passwordHashes, settings.passwordHashWaitMs),
  };
}
