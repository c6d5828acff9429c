// Whether this page may use the site: the server's settings once it has answered, and the refusal that switches the chat off for good, reported once.

import type { WidgetSettings } from '@livechat/protocol';
import type { ChatError } from './errors.ts';
import { refusalOf } from './refusal.ts';
import { type SiteAnswer, siteSettings } from './site-config.ts';

export interface SiteGateHandlers {
  /** The server's widget settings; empty when it refused or could not be asked. */
  settings(server: Partial<WidgetSettings>, answer: SiteAnswer | null): void;
  /** The first refusal, wherever it was found: the answer, minting a token, a socket. */
  refused(error: ChatError): void;
}

export interface SiteGate {
  /** Settles once the server has answered about the site, or could not be asked. */
  readonly answered: Promise<void>;
  refusal(): ChatError | null;
  /** Records a refusal found later; only the first one reaches `refused`. */
  refuse(error: ChatError): void;
}

export function siteGate(answer: Promise<SiteAnswer | null>, handlers: SiteGateHandlers): SiteGate {
  let refusal: ChatError | null = null;
  const refuse = (error: ChatError) => {
    if (refusal) return;
    refusal = error;
    handlers.refused(error);
  };
  const answered = answer.then((site) => {
    handlers.settings(siteSettings(site), site);
    const refused = site && refusalOf(site.status, site.body);
    if (refused) refuse(refused);
  });
  return { answered, refusal: () => refusal, refuse };
}
