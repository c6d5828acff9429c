// What the attach button and the files' chunks need of the mounted chat (server, site, token, language, the
// site's rules), set at each mount, so that it need not be passed down through the panel's components.

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
