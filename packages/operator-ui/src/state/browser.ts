// Browser facts the UI reacts to, mirrored as signals: the link page or hash route, page visibility and a coarse clock.

import { signal } from '@preact/signals';
import { type Entry, parseEntry, workspacePath } from '../routes/entry.ts';
import { parseRoute } from '../routes/route.ts';
import type { Route } from '../routes/route.ts';

export const entry = signal<Entry>(parseEntry(location.pathname, location.hash));
export const route = signal<Route>(parseRoute(location.hash));
export const pageVisible = signal(document.visibilityState === 'visible');
/** Ticks every 30 s so relative times ("2 min ago") stay current without each row running a timer. */
export const now = signal(Date.now());

export function watchBrowser(): void {
  window.addEventListener('hashchange', () => {
    route.value = parseRoute(location.hash);
    // On a link page the fragment is the token: another link opened in this tab changes only the hash.
    if (entry.value.page !== 'app') entry.value = parseEntry(location.pathname, location.hash);
  });
  document.addEventListener('visibilitychange', () => {
    pageVisible.value = document.visibilityState === 'visible';
  });
  setInterval(() => {
    now.value = Date.now();
  }, 30_000);
}

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

/** Leaves a one-time link's page for the workspace, replacing the URL so the token leaves the address bar and history. */
export function leaveLinkPage(): void {
  history.replaceState(null, '', workspacePath(location.pathname));
  entry.value = { page: 'app' };
  route.value = parseRoute(location.hash);
}
