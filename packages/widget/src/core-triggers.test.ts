import { describe, expect, it } from 'vitest';
import {
  callLoadsCore,
  IDLE_TIMEOUT_MS,
  type IdleWindow,
  NO_IDLE_DELAY_MS,
  whenIdleAfterLoad,
} from './core-triggers.ts';

/** A window whose load event, idle callbacks and timers fire when the test says so. */
function page(readyState: DocumentReadyState, idle: boolean) {
  const log: string[] = [];
  let onLoad: (() => void) | undefined;
  let pending: (() => void) | undefined;
  const target: IdleWindow = {
    document: { readyState },
    addEventListener: (_type, listener) => {
      log.push('waits for load');
      onLoad = listener;
    },
    setTimeout: (callback, ms) => {
      log.push(`timer ${ms} ms`);
      pending = callback;
    },
  };
  if (idle) {
    target.requestIdleCallback = (callback, options) => {
      log.push(`idle, at most ${options.timeout} ms`);
      pending = callback;
    };
  }
  return {
    target,
    log,
    load: () => onLoad?.(),
    run: () => pending?.(),
  };
}

describe('what fetches the core', () => {
  it('every API call but listeners', () => {
    for (const name of [
      'open',
      'identify',
      'setAttributes',
      'sendMessage',
      'openWithMessage',
      'trackPageView',
      'show',
    ]) {
      expect(callLoadsCore(name), name).toBe(true);
    }
    expect(callLoadsCore('on')).toBe(false);
    expect(callLoadsCore('off')).toBe(false);
  });

  it('waits for the page’s load event, then for idle', () => {
    const p = page('interactive', true);
    let loaded = 0;
    whenIdleAfterLoad(() => loaded++, p.target);
    expect(p.log).toEqual(['waits for load']);
    p.run();
    expect(loaded).toBe(0);
    p.load();
    expect(p.log).toEqual(['waits for load', `idle, at most ${IDLE_TIMEOUT_MS} ms`]);
    expect(loaded).toBe(0);
    p.run();
    expect(loaded).toBe(1);
  });

  it('asks for idle at once when the page has loaded already', () => {
    const p = page('complete', true);
    let loaded = 0;
    whenIdleAfterLoad(() => loaded++, p.target);
    expect(p.log).toEqual([`idle, at most ${IDLE_TIMEOUT_MS} ms`]);
    p.run();
    expect(loaded).toBe(1);
  });

  it('without requestIdleCallback, waits a moment after load instead', () => {
    const p = page('loading', false);
    let loaded = 0;
    whenIdleAfterLoad(() => loaded++, p.target);
    p.load();
    expect(p.log).toEqual(['waits for load', `timer ${NO_IDLE_DELAY_MS} ms`]);
    p.run();
    expect(loaded).toBe(1);
  });
});
