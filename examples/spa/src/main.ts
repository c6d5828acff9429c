// The example single-page app: client-side routing with the History API, a login that identifies the visitor to the chat.

import type { ChatUser } from '@livechat/widget';
import { type ChatConfig, currentChat, mountChat, unmountChat } from './chat.ts';

const USER_KEY = 'orbit-notes:user';
const app = document.getElementById('app') as HTMLElement;

const storedUser = (): ChatUser | null => {
  const raw = sessionStorage.getItem(USER_KEY);
  return raw ? (JSON.parse(raw) as ChatUser) : null;
};

interface Page {
  title: string;
  render(): string;
  attach?(): void;
}

const pages: Record<string, Page> = {
  '/': {
    title: 'Orbit Notes – Home',
    render: () => '<h1>Notes that follow you</h1><p>Write on your laptop, read on your phone.</p>',
  },
  '/pricing': {
    title: 'Orbit Notes – Pricing',
    render: () =>
      '<h1>Pricing</h1><p>Free for 100 notes; Pro is 4 € a month.</p>' +
      '<p><button type="button" id="ask-pro">Ask about Pro</button></p>',
    attach() {
      document.getElementById('ask-pro')?.addEventListener('click', () => {
        void currentChat()?.openWithMessage('Hello! What does Pro add?');
      });
    },
  },
  '/account': {
    title: 'Orbit Notes – Account',
    render() {
      const user = storedUser();
      if (user) {
        return `<h1>Account</h1><p>Logged in as <strong id="who"></strong>.</p><button type="button" id="logout">Log out</button>`;
      }
      return (
        '<h1>Account</h1><form id="login">' +
        '<label>User id <input type="text" name="id" required value="user-42"></label>' +
        '<label>Name <input type="text" name="name" value="Ada Lovelace"></label>' +
        '<label>Email <input type="email" name="email" value="ada@example.com"></label>' +
        '<button type="submit">Log in</button></form>' +
        '<p class="note">Logging in asks this app’s backend for the identity hash, then calls <code>identify()</code>.</p>'
      );
    },
    attach() {
      const user = storedUser();
      const who = document.getElementById('who');
      if (who && user) who.textContent = `${user.name ?? user.id}`;
      document.getElementById('login')?.addEventListener('submit', (event) => void logIn(event));
      document.getElementById('logout')?.addEventListener('click', () => void logOut());
    },
  },
};

async function logIn(event: Event): Promise<void> {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  // In a real app the backend knows who is logged in; here the form stands in for a session.
  const response = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: form.get('id'), name: form.get('name'), email: form.get('email') }),
  });
  const user = (await response.json()) as ChatUser;
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  await currentChat()?.identify(user);
  render();
}

async function logOut(): Promise<void> {
  sessionStorage.removeItem(USER_KEY);
  await currentChat()?.reset();
  render();
}

function render(): void {
  const page = pages[location.pathname] ?? pages['/'];
  if (!page) return;
  document.title = page.title;
  app.innerHTML = page.render();
  page.attach?.();
}

function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  render();
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.pathname);
});
addEventListener('popstate', render);

async function start(): Promise<void> {
  render();
  const config = (await (await fetch('/api/config')).json()) as ChatConfig;
  mountChat(config, storedUser());
  const toggle = document.getElementById('chat-enabled') as HTMLInputElement;
  toggle.addEventListener('change', () => (toggle.checked ? mountChat(config, storedUser()) : unmountChat()));
}

void start();
