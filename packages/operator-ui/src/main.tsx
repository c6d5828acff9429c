// Entry point: mirrors browser state, keeps the tab title in step with unread counts, and mounts the app.

import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app.tsx';
import { watchBrowser } from './state/browser.ts';
import { workspace } from './state/live.ts';
import { restoreSession, session } from './state/session.ts';
import { throttle } from './state/throttle.ts';
import { documentTitle } from './state/title.ts';
import './styles.css';

watchBrowser();
// The unread count moves with every message of a busy conversation; the tab's title follows at most once a second,
// since each change of it costs the browser a few milliseconds.
let wantedTitle = document.title;
const applyTitle = throttle(() => {
  if (document.title !== wantedTitle) document.title = wantedTitle;
}, 1_000);
effect(() => {
  wantedTitle = documentTitle(session.value ? workspace.unreadTotal.value : 0);
  applyTitle();
});
void restoreSession();

const root = document.getElementById('app');
if (root) render(<App />, root);
