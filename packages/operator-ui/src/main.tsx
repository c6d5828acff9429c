// Entry point: mirrors browser state, keeps the tab title in step with unread counts, and mounts the app.

import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app.tsx';
import { watchBrowser } from './state/browser.ts';
import { workspace } from './state/live.ts';
import { restoreSession, session } from './state/session.ts';
import { documentTitle } from './state/title.ts';
import './styles.css';

watchBrowser();
effect(() => {
  document.title = documentTitle(session.value ? workspace.unreadTotal.value : 0);
});
void restoreSession();

const root = document.getElementById('app');
if (root) render(<App />, root);
