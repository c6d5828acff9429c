// The script tag's entry (/widget.js): draws the launcher at once, and window.LiveChat queues calls until the
// core (/widget/core.js) has loaded, then forwards them. The core adopts the launcher drawn here.

import { API_GLOBAL, CHAT_METHODS, SETTINGS_GLOBAL } from './api.ts';
import { drawLauncher, type LauncherShell } from './launcher.ts';
import { launcherLook, pageSettings } from './look.ts';

type Call = [string, ...unknown[]];
type Forward = (...args: unknown[]) => unknown;
type Api = Forward & Record<string, Forward>;
interface CoreModule {
  embed(
    origin: string,
    attributes: DOMStringMap,
    settings: unknown,
    drawn: () => LauncherShell | undefined,
  ): Record<string, Forward>;
}

const page = window as unknown as Record<string, unknown>;
const MARKER = '__livechatLoaded';
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-site]');

if (!script?.dataset.site) console.error('[livechat] data-site missing');
else if (!page[MARKER]) {
  page[MARKER] = 1;
  // The queue stub's calls (`LiveChat('identify', {...})` before this script ran) go first, in order.
  const queue: Call[] = [...(((page[API_GLOBAL] as { q?: ArrayLike<unknown>[] } | undefined)?.q ?? []) as never[])].map(
    (args) => [...(args as ArrayLike<unknown> & Iterable<unknown>)] as Call,
  );
  let chat: Record<string, Forward> | undefined;
  let gone = false;
  const call = (name: string, args: unknown[]) => {
    if (chat) return chat[name]?.(...args);
    if (!gone) queue.push([name, ...args]);
  };
  const api = ((name: string, ...args: unknown[]) => call(name, args)) as Api;
  for (const name of CHAT_METHODS) api[name] = (...args) => call(name, args);
  api.on = (event, listener) => {
    call('on', [event, listener]);
    return () => api.off?.(event, listener);
  };
  api.isOpen = () => !!chat?.isOpen?.();
  // The launcher shows before the core arrives; a click meanwhile opens the chat once it has.
  let shell: LauncherShell | undefined;
  const draw = () => {
    if (gone || chat || shell) return;
    shell = drawLauncher(launcherLook(pageSettings(script.dataset, page[SETTINGS_GLOBAL])));
    shell.button.onclick = () => call('open', []);
  };
  if (document.body) draw();
  else addEventListener('DOMContentLoaded', draw, { once: true });

  api.destroy = () => {
    gone = true;
    shell?.host.remove();
    chat?.destroy?.();
    chat = undefined;
    delete page[API_GLOBAL];
    delete page[MARKER];
  };
  page[API_GLOBAL] = api;

  const origin = new URL(script.src).origin;
  import(/* @vite-ignore */ `${origin}/widget/core.js`).then(
    (core: CoreModule) => {
      if (gone) return;
      chat = core.embed(origin, script.dataset, page[SETTINGS_GLOBAL], () => shell);
      // Errors of queued calls also reach the `error` event; here they would only be unhandled rejections.
      for (const [name, ...args] of queue.splice(0)) Promise.resolve(call(name, args)).catch(() => undefined);
    },
    (error: unknown) => {
      // A launcher that cannot open anything would only mislead.
      shell?.host.remove();
      console.error('[livechat]', error);
    },
  );
}
