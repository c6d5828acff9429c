// The script tag's entry (/widget.js): identifies the visitor, records page views, shows the launcher, loads the UI on demand.

import { createLauncher } from './launcher.ts';
import { trackPageViews } from './page-views.ts';
import { browserStore, storageKey } from './storage.ts';
import type { ChatUI, LauncherHandle, UIModule } from './ui-contract.ts';
import { createVisitorSession } from './visitor-session.ts';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-site]');
}

function start(script: HTMLScriptElement, siteId: string): void {
  const origin = new URL(script.src).origin;
  const storage = browserStore();
  const session = createVisitorSession(origin, siteId, storage);

  trackPageViews((pageView) => {
    session
      .fetch('/page-views', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(pageView),
        keepalive: true,
      })
      .catch(() => {
        // A lost page view is not worth an error on the host page's console.
      });
  });

  let launcher: LauncherHandle;
  let uiModule: Promise<UIModule> | undefined;
  let ui: Promise<ChatUI> | undefined;

  const loadModule = (): Promise<UIModule> =>
    (uiModule ??= import(/* @vite-ignore */ `${origin}/widget/ui.js`).catch((error: unknown) => {
      uiModule = undefined; // let the next click try again
      throw error;
    }));

  const loadUI = (): Promise<ChatUI> =>
    (ui ??= loadModule()
      .then((module) => module.mount({ origin, siteId, storage, session, launcher }))
      .catch((error: unknown) => {
        ui = undefined;
        throw error;
      }));

  const toggle = () => {
    loadUI().then(
      (chat) => (chat.isOpen() ? chat.close() : chat.open()),
      (error: unknown) => console.error('[livechat]', error),
    );
  };

  const showLauncher = () => {
    launcher = createLauncher(toggle, () => void loadModule().catch(() => undefined));
    // A visitor with a conversation gets its socket now, so replies raise the unread badge.
    if (storage.get(storageKey(siteId, 'conversation'))) void loadUI().catch(() => undefined);
  };
  if (document.body) showLauncher();
  else addEventListener('DOMContentLoaded', showLauncher, { once: true });
}

const script = findScript();
const siteId = script?.dataset.site;
const marker = '__livechatLoaded';
const page = window as Window & { [marker]?: boolean };
if (!script || !siteId) console.error('[livechat] data-site missing');
else if (!page[marker]) {
  page[marker] = true;
  start(script, siteId);
}
