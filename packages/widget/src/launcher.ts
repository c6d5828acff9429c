// The launcher button in its own shadow root, so the host page's CSS cannot touch it (nor ours the page).

import type { LauncherHandle } from './ui-contract.ts';

// Scoped by class: the panel's buttons and spans live in the same shadow root.
const CSS =
  ':host{all:initial}' +
  '.l{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;' +
  'background:var(--lc-accent,#2563eb);color:#fff;cursor:pointer;box-shadow:0 4px 16px #0004}' +
  '.l span{position:absolute;top:-4px;right:-4px;padding:0 6px;border-radius:10px;' +
  'background:#dc2626;font:600 12px/20px sans-serif}' +
  '@media (max-width:480px){.l[aria-expanded=true]{display:none}}';

const CHAT_ICON =
  '<svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor">' +
  '<path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

export function createLauncher(onActivate: () => void, onPrefetch: () => void): LauncherHandle {
  // A custom element name keeps the page's `div { … }` rules off the host element.
  const host = document.createElement('livechat-widget');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    `<style>${CSS}</style>` +
    `<button class="l" data-testid="lc-launcher" aria-label="Open chat" aria-expanded="false" aria-describedby="d">${CHAT_ICON}` +
    '<span data-testid="lc-unread" hidden></span></button><p id="d" hidden></p>';
  const button = root.querySelector('button') as HTMLButtonElement;
  const badge = root.querySelector('span') as HTMLSpanElement;
  const description = root.querySelector('p') as HTMLParagraphElement;
  button.onclick = onActivate;
  button.onpointerenter = button.onfocus = onPrefetch;
  document.body.append(host);

  return {
    root,
    button,
    setUnread(count) {
      badge.hidden = count <= 0;
      badge.textContent = `${count}`;
      description.textContent = count > 0 ? `${count} unread` : '';
    },
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
      // Not "Close chat": that is the panel's own close button, and two controls should not share a name.
      button.setAttribute('aria-label', open ? 'Hide chat' : 'Open chat');
    },
  };
}
