// The launcher button in its own shadow root, so the host page's CSS cannot touch it (nor ours the page).

import { format } from './i18n.ts';
import type { LauncherLook } from './look.ts';
import type { ResolvedSettings } from './settings.ts';
import type { LauncherHandle } from './ui-contract.ts';

// Scoped by class: the panel's buttons and spans live in the same shadow root.
const CSS =
  ':host{all:initial}' +
  '.l{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;' +
  'background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff);cursor:pointer;box-shadow:0 4px 16px #0004}' +
  ':host([position=left]) .l{right:auto;left:20px}' +
  '.l:focus-visible{outline:3px solid #1f2937;outline-offset:3px;box-shadow:0 0 0 6px #fff}';
/** What only matters once the core runs (the unread badge, the open panel): added by it, not by the loader. */
const CORE_CSS =
  '.l span{position:absolute;top:-4px;right:-4px;padding:0 6px;border-radius:10px;' +
  'background:#b91c1c;color:#fff;font:600 12px/20px sans-serif}' +
  '.l .x,.l[aria-expanded=true] svg{display:none}.l[aria-expanded=true] .x{display:inline}' +
  '@media (max-width:480px){.l[aria-expanded=true]{display:none}}';
/** While the panel is open the launcher closes it, and looks it. */
const CLOSE_ICON =
  '<svg class="x" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" ' +
  'aria-hidden="true"><path d="M6 6l12 12M18 6 6 18"/></svg>';

const CHAT_ICON =
  '<svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">' +
  '<path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

/** The launcher as drawn, before the core gives it its labels and handlers. */
export interface LauncherShell {
  /** The element in the page that holds the shadow root. */
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
}

/**
 * Draws the launcher into the page. The script-tag loader calls it as soon as it runs, so the
 * launcher shows without waiting for the core; the core then adopts it (createLauncher).
 */
export function drawLauncher(look: LauncherLook): LauncherShell {
  // A custom element name keeps the page's `div { … }` rules off the host element.
  const host = document.createElement('livechat-widget');
  applyLook(host, look);
  const root = host.attachShadow({ mode: 'open' });
  // Named before the core gives it its label in the visitor's language: "Chat" reads in English and French alike.
  root.innerHTML = `<style>${CSS}</style><button class="l" data-testid="lc-launcher" aria-label="Chat">${CHAT_ICON}</button>`;
  const button = root.querySelector('button') as HTMLButtonElement;
  button.hidden = look.hideLauncher;
  document.body.append(host);
  return { host, root, button };
}

function applyLook(host: HTMLElement, look: LauncherLook) {
  host.setAttribute('position', look.position);
  if (look.color) {
    host.style.setProperty('--lc-accent', look.color);
    host.style.setProperty('--lc-on-accent', look.onColor);
  }
}

export interface Launcher extends LauncherHandle {
  /** The element in the page that holds the shadow root. */
  host: HTMLElement;
  /** Hides or shows the button; the panel stays usable through the API either way. */
  setVisible(visible: boolean): void;
  remove(): void;
}

/**
 * Gives the drawn launcher its labels and handlers. Drawing is the caller's: the script tag's core draws with the
 * loader's drawLauncher, so that the core does not carry it a second time.
 */
export function createLauncher(
  settings: ResolvedSettings,
  onActivate: () => void,
  onPrefetch: () => void,
  { host, root, button }: LauncherShell,
): Launcher {
  const { strings } = settings;
  applyLook(host, settings);
  host.lang = settings.locale;
  host.dir = settings.dir;
  const style = document.createElement('style');
  style.textContent = CORE_CSS;
  const badge = document.createElement('span');
  badge.dataset.testid = 'lc-unread';
  badge.hidden = true;
  const description = document.createElement('p');
  description.id = 'lc-launcher-description';
  description.hidden = true;
  root.append(style, description);
  button.insertAdjacentHTML('beforeend', CLOSE_ICON);
  button.append(badge);
  button.setAttribute('aria-describedby', description.id);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', strings.openChat);
  button.onclick = onActivate;
  button.onpointerenter = button.onfocus = onPrefetch;
  button.hidden = settings.hideLauncher;

  return {
    host,
    root,
    button,
    setUnread(count) {
      badge.hidden = count <= 0;
      badge.textContent = `${count}`;
      description.textContent = count > 0 ? format(strings.unread, { n: count }) : '';
    },
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
      // Not "Close chat": that is the panel's own close button, and two controls should not share a name.
      button.setAttribute('aria-label', open ? strings.hideChat : strings.openChat);
    },
    setVisible(visible) {
      button.hidden = !visible;
    },
    remove() {
      host.remove();
    },
  };
}
