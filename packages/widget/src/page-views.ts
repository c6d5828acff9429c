// Page-view tracking: the first load and every single-page-app navigation (History API, hashchange).

import { MAX_TITLE_LENGTH, MAX_URL_LENGTH, type PageViewInput } from '@livechat/protocol';

/** What the page looks like at one moment. */
export interface PageSnapshot {
  url: string;
  title: string;
  referrer: string;
}

const isHttpUrl = (text: string): boolean => /^https?:\/\//i.test(text) && text.length <= MAX_URL_LENGTH;

/**
 * Turns a snapshot into what the server accepts: pages that are not http(s) (file:, about:blank)
 * are not recorded, titles are cut to the agreed length and odd referrers dropped.
 */
export function toPageView(snapshot: PageSnapshot): PageViewInput | null {
  if (!isHttpUrl(snapshot.url)) return null;
  return {
    url: snapshot.url,
    title: snapshot.title.trim().slice(0, MAX_TITLE_LENGTH),
    referrer: isHttpUrl(snapshot.referrer) ? snapshot.referrer : '',
  };
}

/**
 * Returns a function that sends a snapshot unless it is the page recorded last: frameworks call
 * replaceState with the same URL on every render, and that is not a new page view.
 */
export function pageViewRecorder(send: (pageView: PageViewInput) => void): (snapshot: PageSnapshot) => void {
  let lastUrl: string | null = null;
  return (snapshot) => {
    if (snapshot.url === lastUrl) return;
    const pageView = toPageView(snapshot);
    if (!pageView) return;
    lastUrl = snapshot.url;
    send(pageView);
  };
}

/**
 * Single-page apps usually set the new title a little after pushState, so a navigation is read
 * once things settle; a redirect (push then replace) in that window counts as one page.
 */
const SETTLE_MS = 50;

export interface PageTracker {
  /** Records a page now: the current one, or the URL and title given (apps that route without the History API). */
  track(page?: { url?: string; title?: string }): void;
  /** Stops recording and takes the History API hooks out. */
  stop(): void;
}

/**
 * With `follow`, records the current page now and after every navigation; without, only what
 * track() is given. stop() restores
 * pushState and replaceState unless someone wrapped them after us; then our wrapper stays in
 * their chain but does nothing, since unwrapping it would also drop theirs.
 */
export function trackPageViews(send: (pageView: PageViewInput) => void, follow = true): PageTracker {
  const record = pageViewRecorder(send);
  const snapshot = (): PageSnapshot => ({ url: location.href, title: document.title, referrer: document.referrer });
  let active = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    if (active) record(snapshot());
  };
  const schedule = () => {
    clearTimeout(timer);
    if (active) timer = setTimeout(flush, SETTLE_MS);
  };

  const restore: Array<() => void> = [];
  if (follow) {
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        schedule();
      };
      history[method] = wrapper;
      restore.push(() => {
        if (history[method] === wrapper) history[method] = original;
      });
    }
    addEventListener('popstate', schedule);
    addEventListener('hashchange', schedule);
    // Leaving the page inside the settle window must not lose the last navigation.
    addEventListener('pagehide', flush);
    record(snapshot());
  }

  return {
    track(page = {}) {
      if (!active) return;
      let url = location.href;
      try {
        if (page.url !== undefined) url = new URL(page.url, location.href).href;
      } catch {
        return; // not a URL: nothing worth recording
      }
      record({ url, title: page.title ?? document.title, referrer: document.referrer });
    },
    stop() {
      active = false;
      clearTimeout(timer);
      for (const undo of restore) undo();
      removeEventListener('popstate', schedule);
      removeEventListener('hashchange', schedule);
      removeEventListener('pagehide', flush);
    },
  };
}
