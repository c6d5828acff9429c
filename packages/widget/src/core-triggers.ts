// When the script tag fetches the rest of the chat (the core): the visitor reaches for it, the page calls the API, or the page is loaded and idle.

/** Listeners wait for the core without needing it; every other call is the page asking for the chat. */
export const callLoadsCore = (name: unknown): boolean => name !== 'on' && name !== 'off';

/** What whenIdleAfterLoad uses of `window`, so the order of events can be checked outside a browser. */
export interface IdleWindow {
  document: { readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  requestIdleCallback?(callback: () => void, options: { timeout: number }): unknown;
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Idle may never come on a busy page; the chat should still arrive within seconds. */
export const IDLE_TIMEOUT_MS = 3000;
/** Where requestIdleCallback does not exist (Safari), a moment after load stands in for idle. */
export const NO_IDLE_DELAY_MS = 1000;

/** Runs `load` once the page has finished loading and the browser has nothing better to do. */
export function whenIdleAfterLoad(load: () => void, target: IdleWindow): void {
  const idle = () =>
    target.requestIdleCallback
      ? target.requestIdleCallback(() => load(), { timeout: IDLE_TIMEOUT_MS })
      : target.setTimeout(load, NO_IDLE_DELAY_MS);
  if (target.document.readyState === 'complete') idle();
  else target.addEventListener('load', idle, { once: true });
}
