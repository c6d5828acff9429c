// createChat(), the npm module's way in: the chat of sdk.ts with a launcher it draws itself (the script tag's core
// has the loader's).

import type { Chat, ChatOptions } from './api.ts';
import { drawLauncher } from './launcher.ts';
import { startChat } from './sdk.ts';

/**
 * Creates the chat widget on the page. Call it in the browser (after mount in SPA frameworks),
 * once per page, and destroy() it on unmount. Importing the module has no effect by itself.
 */
export function createChat(options: ChatOptions): Chat {
  return startChat(options, { draw: drawLauncher });
}
