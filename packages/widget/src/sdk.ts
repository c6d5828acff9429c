// The SDK core: createChat() wires the visitor session, page views, launcher and the lazily loaded UI behind the public API.

import type { AttachmentSettings, WidgetConfig } from '@livechat/protocol';
import type { AttributeValue, Chat, ChatOptions, ChatUser, PageViewOptions } from './api.ts';
import { isEmail } from './email-address.ts';
import type { LinkOutcome } from './email-link.ts';
import { linkToken } from './link-token.ts';
import { createEmitter } from './emitter.ts';
import { ChatError } from './errors.ts';
import { loadMoreStrings, loadStrings } from './i18n.ts';
import { createLauncher, type Launcher, type LauncherShell } from './launcher.ts';
import type { LauncherLook } from './look.ts';
import { type PageTracker, toPageView, trackPageViews } from './page-views.ts';
import { isRefusal, type RefusalCode } from './refusal.ts';
import type { CallContext } from './sdk-calls.ts';
import { resolveSettings } from './settings.ts';
import { askSite, type SiteAnswer, withSiteSettings } from './site-config.ts';
import { siteGate } from './site-gate.ts';
import { browserStore, storageKey } from './storage.ts';
import type { ChatUI, UIModule } from './ui-contract.ts';
import { createVisitorSession } from './visitor-session.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The element focused in the page, looking inside open shadow roots (the host page may use web components). */
function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** How the launcher is drawn, and what the script-tag loader has already done when it hands over to the core. */
export interface Embedded {
  /** Draws the launcher: the loader's own function in the script tag's core, so that the core need not carry one. */
  draw(look: LauncherLook): LauncherShell;
  /** The launcher the loader drew, if it has yet. */
  drawn?(): LauncherShell | undefined;
  /** The server's answer about the site, asked for by the loader. */
  answer?: Promise<SiteAnswer | null>;
}

/** The chat behind createChat() and the script tag's core. */
export function startChat(options: ChatOptions, embedded: Embedded): Chat {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new ChatError('no_browser', 'createChat() needs a browser: call it after your app mounts');
  }
  if (!options?.server || !options.site) throw new ChatError('bad_request', 'createChat() needs { server, site }');
  const origin = new URL(options.server, location.href).origin;
  const siteId = options.site;
  const languages = navigator.languages ?? [];
  // The page's own settings until the server's arrive; `open` and `trackPageViews` are the page's alone.
  let pageAndSite: ChatOptions | Record<string, unknown> = options;
  let settings = resolveSettings(pageAndSite, languages);
  const storage = browserStore();
  const session = createVisitorSession(origin, siteId, storage);
  const events = createEmitter();

  let destroyed = false;
  let attachments: AttachmentSettings | undefined;
  let launcher: Launcher | null = null;
  let uiModule: Promise<UIModule['mount']> | undefined;
  let uiLoading: Promise<ChatUI> | undefined;
  let ui: ChatUI | null = null;
  let focusBefore: Element | null = null;

  /** Reports a failure on the `error` event and returns it as a ChatError for the caller's promise. */
  const fail = (error: unknown): ChatError => {
    const chatError =
      error instanceof ChatError
        ? error
        : new ChatError('network', error instanceof Error ? error.message : String(error));
    // The refusal was reported once, when it came; calls refused by it since only reject.
    if (!destroyed && chatError !== site.refusal())
      events.emit('error', { code: chatError.code, message: chatError.message });
    return chatError;
  };
  const alive = () => {
    if (destroyed) throw new ChatError('destroyed', 'the chat was destroyed');
  };

  const site = siteGate(embedded.answer ?? askSite(origin, siteId), {
    settings(server, answer) {
      // The site's rules for files, beside its widget settings.
      attachments = (answer?.body as Partial<WidgetConfig> | null)?.attachments;
      pageAndSite = withSiteSettings(server, options);
      settings = resolveSettings(pageAndSite, languages);
    },
    // The embed cannot work until its owner fixes it: stop, say so in the panel, and tell the owner once.
    refused(error) {
      if (destroyed) return;
      tracker.stop();
      ui?.block();
      events.emit('error', { code: error.code, message: error.message });
      void import('./refusal-warning.ts').then(({ refusalWarning }) =>
        console.warn(refusalWarning(error.code as RefusalCode, location.origin, siteId, origin)),
      );
    },
  });
  /** For calls that need the server: they wait for the site's answer and reject with its refusal. */
  const usable = async () => {
    await site.answered;
    alive();
    const refusal = site.refusal();
    if (refusal) throw refusal;
  };

  const sendPageView = (pageView: NonNullable<ReturnType<typeof toPageView>>) => {
    usable()
      .then(() => session.fetch('/page-views', { ...json(pageView), keepalive: true }))
      .catch((error: unknown) => {
        // Otherwise a lost page view is not worth an error on the host page's console.
        if (isRefusal(error)) site.refuse(error);
      });
  };
  const tracker: PageTracker = trackPageViews(sendPageView, settings.trackPageViews);

  // A reply email's link: its visitor and conversation are adopted before anything connects.
  const linked = linkToken(location.hash);
  const linkAdopted: Promise<LinkOutcome> = linked
    ? usable()
        .then(() => import('./email-link.ts'))
        .then(async ({ followLink, withoutLink }) => {
          const outcome = await followLink(origin, siteId, linked);
          if (destroyed) return outcome;
          history.replaceState(history.state, '', withoutLink(location.href));
          if (outcome && outcome !== 'expired') {
            session.adopt(outcome.token, outcome.visitorId);
            storage.set(storageKey(siteId, 'conversation'), outcome.conversationId);
          }
          return outcome;
        })
        .catch(() => null)
    : Promise.resolve(null);

  // Only `mount` is taken from the chunk, so the bundle passes the function rather than building a module namespace.
  const loadModule = (): Promise<UIModule['mount']> =>
    (uiModule ??= import('./ui/index.tsx')
      .then((module) => module.mount)
      .catch((error: unknown) => {
        uiModule = undefined; // let the next attempt try again
        throw error;
      }));

  const restoreFocus = () => {
    const target = focusBefore;
    focusBefore = null;
    if (target instanceof HTMLElement && target.isConnected && target !== launcher?.host && target !== document.body) {
      target.focus();
    } else if (launcher && !launcher.button.hidden) {
      launcher.button.focus();
    }
  };

  const mountUI = (mount: UIModule['mount'], shell: Launcher): ChatUI =>
    mount({
      origin,
      siteId,
      storage,
      session,
      strings: settings.strings,
      title: settings.title,
      greeting: settings.greeting,
      lang: settings.locale,
      dir: settings.dir,
      prechat: settings.prechat,
      attachments,
      blocked: site.refusal() !== null,
      refused: (error) => site.refuse(new ChatError(error.code, error.message)),
      emit: events.emit,
      restoreFocus,
      launcher: {
        root: shell.root,
        button: shell.button,
        setUnread(count) {
          shell.setUnread(count);
          events.emit('unreadCount', count);
        },
        setOpen(open) {
          shell.setOpen(open);
          events.emit(open ? 'open' : 'close', undefined);
        },
      },
    });

  const loadUI = (): Promise<ChatUI> =>
    (uiLoading ??= Promise.all([loadModule(), launcherReady, linkAdopted])
      .then(([mount, shell]) => {
        alive();
        return (ui ??= mountUI(mount, shell as Launcher));
      })
      .catch((error: unknown) => {
        uiLoading = undefined;
        throw error;
      }));

  /** A new identity needs a new socket: the panel is mounted again, open if it was. */
  const remount = (connect: boolean) => {
    const wasOpen = ui?.isOpen() ?? false;
    const mounted = ui !== null;
    ui?.destroy();
    ui = null;
    uiLoading = undefined;
    launcher?.setUnread(0);
    launcher?.setOpen(false);
    if (mounted || connect) void loadUI().then((chat) => wasOpen && chat.open(), fail);
  };

  const bodyReady = new Promise<void>((resolve) => {
    if (document.body) resolve();
    else addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
  // In the site's colours from the start: the launcher waits for the server's settings.
  // French and Arabic words come in their own chunk, before anything shows them.
  const wordsReady = site.answered.then(() => loadStrings(settings.locale));
  const launcherReady: Promise<Launcher | null> = Promise.all([wordsReady, bodyReady]).then(() => {
    if (destroyed) return null;
    settings = resolveSettings(pageAndSite, languages);
    const drawn = embedded.drawn?.();
    return (launcher = createLauncher(
      settings,
      () => chat.toggle(),
      () => void loadModule().catch(() => undefined),
      drawn?.host.isConnected ? drawn : embedded.draw(settings),
    ));
  });

  const callContext: CallContext = { session, usable, alive, remount, json, isEmail };

  const chat: Chat = {
    open() {
      focusBefore ??= focusedElement();
      loadUI().then((panel) => panel.open(), fail);
    },
    close() {
      ui?.close();
    },
    toggle() {
      if (ui?.isOpen()) chat.close();
      else chat.open();
    },
    show() {
      launcher?.setVisible(true);
    },
    hide() {
      chat.close();
      launcher?.setVisible(false);
    },
    isOpen: () => ui?.isOpen() ?? false,

    async identify(user: ChatUser) {
      try {
        await (await import('./sdk-calls.ts')).identify(callContext, user);
      } catch (error) {
        throw fail(error);
      }
    },

    async reset() {
      const token = storage.get(storageKey(siteId, 'token'));
      session.forget();
      remount(false);
      if (!destroyed) {
        const page = toPageView({ url: location.href, title: document.title, referrer: document.referrer });
        if (page && settings.trackPageViews) sendPageView(page);
      }
      if (!token) return;
      // Logged out here, and on the server too: the old token stops working even if copied.
      await fetch(`${origin}/api/sites/${encodeURIComponent(siteId)}/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        keepalive: true,
      }).catch(() => undefined);
    },

    async setAttributes(attributes: Record<string, AttributeValue>) {
      try {
        await (await import('./sdk-calls.ts')).setAttributes(callContext, attributes);
      } catch (error) {
        throw fail(error);
      }
    },

    async sendMessage(text: string) {
      try {
        await usable();
        if (typeof text !== 'string' || !text.trim())
          throw new ChatError('bad_request', 'sendMessage() needs some text');
        (await loadUI()).send(text);
      } catch (error) {
        throw fail(error);
      }
    },

    async openWithMessage(text: string) {
      try {
        alive();
        focusBefore ??= focusedElement();
        const panel = await loadUI();
        panel.prefill(typeof text === 'string' ? text : '');
        panel.open();
      } catch (error) {
        throw fail(error);
      }
    },

    trackPageView(page?: PageViewOptions) {
      tracker.track(page);
    },

    on: events.on,
    off: events.off,

    destroy() {
      if (destroyed) return;
      destroyed = true;
      tracker.stop();
      ui?.destroy();
      ui = null;
      launcher?.remove();
      launcher = null;
      events.clear();
    },
  };

  // Opened on the linked conversation; an expired link says so, and the visitor keeps their own session.
  if (linked) {
    void linkAdopted
      .then(async (outcome) => {
        if (destroyed) return;
        chat.open();
        if (outcome !== 'expired') return;
        const panel = await loadUI();
        await loadMoreStrings(settings.locale);
        panel.note(settings.strings.linkExpired);
      })
      .catch(fail);
  }
  // A visitor with a conversation gets its socket now, so replies raise the unread badge.
  if (storage.get(storageKey(siteId, 'conversation'))) void loadUI().catch(() => undefined);
  if (settings.open) chat.open();
  usable()
    .then(() => session.token())
    .then(
      () => launcherReady.then(() => !destroyed && events.emit('ready', { visitorId: session.visitorId() ?? '' })),
      (error: unknown) => {
        if (isRefusal(error)) return site.refuse(error);
        if (destroyed || error === site.refusal()) return;
        fail(
          new ChatError(
            'network',
            `could not reach the chat server: ${error instanceof Error ? error.message : error}`,
          ),
        );
      },
    );
  return chat;
}
