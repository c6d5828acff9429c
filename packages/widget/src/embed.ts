// The script tag's core, served at /widget/core.js: builds the chat from the tag's data-* attributes and window.LiveChatSettings.

import type { Chat, ChatOptions } from './api.ts';
import { createChat } from './sdk.ts';

/** Attributes first, then the settings object, which wins where both say something. */
export function embed(origin: string, attributes: Record<string, string | undefined>, settings: unknown): Chat {
  const extra = typeof settings === 'object' && settings !== null ? settings : {};
  return createChat({ ...attributes, ...extra, server: origin, site: attributes.site ?? '' } as ChatOptions);
}
