// The script tag's entry (/widget.js): asks the server for the site's widget settings, draws the launcher in
// them, and window.LiveChat queues calls. The rest of the chat (the core, under /widget/ with a hashed name)
// is fetched when the visitor reaches for the launcher, when the page calls the API, or once the page has
// loaded and the browser is idle; then the queued calls are forwarded to it. The core adopts the launcher.
// With `consent: 'required'` none of that starts (no request, nothing stored) until `LiveChat('consent', true)`.

import { API_GLOBAL, CHAT_METHODS, SETTINGS_GLOBAL } from './api.ts';
import { callLoadsCore, whenIdleAfterLoad } from './core-triggers.ts';
import { drawLauncher, type LauncherShell } from './launcher.ts';
import { flag, launcherLook, pageSettings } from './look.ts';
import { askSite, type SiteAnswer, siteSettings } from './site-config.ts';

/** The core's file name under /widget/, content-hashed so that it can be cached for good (set by the build). */
declare const __LIVECHAT_CORE__: string;

type Call = [string, ...unknown[]];
type Forward = (...args: unknown[]) => unknown;
type Api = Forward & Record<string, Forward>;
interface CoreModule {
  embed(
    origin: string,
    attributes: DOMStringMap,
    settings: unknown,
    drawn: () => LauncherShell | undefined,
    answer: Promise<SiteAnswer | null>,
    draw: typeof drawLauncher,
  ): Record<string, Forward>;
}

const page = window as unknown as Record<string, unknown>;
const MARKER = '__livechatLoaded';
const script = document.currentScript as HTMLScriptElement | null;

if (!script?.dataset.site) console.error('[livechat] data-site missing');
else if (!page[MARKER]) {
  page[MARKER] = 1;
  const origin = new URL(script.src).origin;
  const ownSettings = pageSettings(script.dataset, page[SETTINGS_GLOBAL]);
  const queue: Call[] = [];
  let chat: Record<string, Forward> | undefined;
  let gone = false;
  let loading: Promise<void> | undefined;
  let shell: LauncherShell | undefined;
  /** The site's answer, asked once started: undefined while the page has not consented. */
  let answer: Promise<SiteAnswer | null> | undefined;

  const load = () =>
    answer &&
    (loading ??= import(/* @vite-ignore */ `${origin}/widget/${__LIVECHAT_CORE__}`).then(
      (core: CoreModule) => {
        // Consent withdrawn while the core was on its way, or given again and the core already made.
        if (gone || chat || !answer) return;
        chat = core.embed(origin, script.dataset, page[SETTINGS_GLOBAL], () => shell, answer, drawLauncher);
        // Errors of queued calls also reach the `error` event; here they would only be unhandled rejections.
        for (const [name, ...args] of queue.splice(0)) Promise.resolve(call(name, args)).catch(() => undefined);
      },
      (error: unknown) => {
        // A launcher that cannot open anything would only mislead, now or once the settings arrive.
        gone = true;
        shell?.host.remove();
        console.error('[livechat]', error);
      },
    ));
  const call = (name: string, args: unknown[]) => {
    if (chat) return chat[name]?.(...args);
    if (gone) return;
    queue.push([name, ...args]);
    if (callLoadsCore(name)) load();
  };
  // `LiveChat('open')` and `LiveChat.open()` are the same call.
  const api = ((name: string, ...args: unknown[]) => (api[name] ?? ((...rest) => call(name, rest)))(...args)) as Api;
  for (const name of CHAT_METHODS) api[name] = (...args) => call(name, args);
  api.on = (event, listener) => {
    call('on', [event, listener]);
    return () => api.off?.(event, listener);
  };
  api.isOpen = () => !!chat?.isOpen?.();
  /** Stops the widget; when consent is withdrawn, the core then forgets the visitor and logs their token out. */
  const stop = (withdrawn?: unknown) => {
    shell?.host.remove();
    chat?.destroy?.();
    if (withdrawn) chat?.reset?.();
    chat = shell = answer = loading = undefined;
  };
  api.destroy = () => {
    gone = true;
    stop();
    delete page[API_GLOBAL];
    delete page[MARKER];
  };
  api.consent = (given) => {
    if (given) return answer || start();
    stop(1);
  };

  // The launcher waits for the site's settings, so that it shows in the owner's colours from the start.
  const draw = () => {
    if (gone || chat || shell || !answer) return;
    // Only the look matters here: the side and colour the page leaves unsaid come from the server.
    const { color = server.color, position = server.position } = ownSettings;
    shell = drawLauncher(launcherLook({ ...ownSettings, color, position }));
    shell.button.onclick = () => call('open', []);
    shell.button.onpointerenter = shell.button.onfocus = load;
  };
  let server: Record<string, unknown> = {};
  const start = () => {
    (answer = askSite(origin, script.dataset.site as string)).then((site) => {
      server = siteSettings(site);
      if (document.body) draw();
      else addEventListener('DOMContentLoaded', draw, { once: true });
    });
    if (queue.some(([name]) => callLoadsCore(name)) || flag(ownSettings.open, false)) load();
    whenIdleAfterLoad(load, window);
  };
  if (ownSettings.consent !== 'required') start();
  // The queue stub's calls (`LiveChat('identify', {...})` before this script ran) go first, in order; a consent
  // given there starts the widget as if given now.
  for (const args of (page[API_GLOBAL] as { q?: ArrayLike<unknown>[] } | undefined)?.q ?? [])
    api(...(args as unknown[]));
  page[API_GLOBAL] = api;
}
