// The script tag's core, served at /widget/core-HASH.js: builds the chat from the tag's data-* attributes and window.LiveChatSettings.

import type { Chat, ChatOptions } from './api.ts';
import type { LauncherShell } from './launcher.ts';
import { type LauncherLook, pageSettings } from './look.ts';
import { startChat } from './sdk.ts';
import type { SiteAnswer } from './site-config.ts';

export function embed(
  origin: string,
  attributes: Record<string, string | undefined>,
  settings: unknown,
  drawn: () => LauncherShell | undefined,
  answer: Promise<SiteAnswer | null>,
  draw: (look: LauncherLook) => LauncherShell,
): Chat {
  return startChat(
    { ...pageSettings(attributes, settings), server: origin, site: attributes.site ?? '' } as ChatOptions,
    { draw, drawn, answer },
  );
}
