// The app's one chat widget: created when the app mounts, destroyed when it unmounts (here: the footer checkbox).

import { type Chat, type ChatUser, createChat } from '@livechat/widget';

export interface ChatConfig {
  server: string;
  site: string;
}

let chat: Chat | null = null;

export function mountChat(config: ChatConfig, user: ChatUser | null): Chat {
  chat?.destroy();
  chat = createChat({ server: config.server, site: config.site, color: '#4338ca', title: 'Orbit Notes support' });
  chat.on('error', (error) => console.warn('[chat]', error.code, error.message));
  // A returning user is identified again on every load; the hash comes from our backend.
  if (user) void chat.identify(user).catch(() => undefined);
  // Handy for trying the API from the browser console (and for the example's browser test).
  Object.assign(window, { orbitChat: chat });
  return chat;
}

export function unmountChat(): void {
  chat?.destroy();
  chat = null;
  Reflect.deleteProperty(window, 'orbitChat');
}

export const currentChat = (): Chat | null => chat;
