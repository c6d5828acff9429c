// What the attach button and the files' chunks need of the mounted chat, set at each mount. Free of Preact on
// purpose: a chunk importing a UI module that imports Preact makes the bundler split Preact into a chunk of its own.

import type { AttachmentSettings } from '@livechat/protocol';
import type { Locale } from './i18n.ts';
import type { TokenSource } from './ui-contract.ts';

export interface FilesContext {
  origin: string;
  siteId: string;
  session: TokenSource;
  lang: Locale;
  /** The site's rules; none (or no kinds) hides the attach button. */
  attachments?: AttachmentSettings | undefined;
}

export const files = {} as FilesContext;
