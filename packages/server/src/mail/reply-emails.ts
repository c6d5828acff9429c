// The job that emails visitors the operator replies they have not seen: several in a row make one email.

import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import { replyEmail } from './compose.ts';
import { signConversationToken } from './conversation-token.ts';
import type { MailQueue } from './mailer.ts';

export interface ReplyEmailDeps {
  store: Store;
  config: Config;
  mailer: MailQueue;
}

/** Replies older than this are left alone: a server back after days away does not email old news. */
const LOOKBACK_MS = 7 * 86_400_000;
const PAGE = 100;

/** The visitor's page with the chat opened on the conversation (any earlier fragment replaced). */
export function chatLink(page: string, token: string): string {
  return `${page.split('#')[0]}#livechat=${token}`;
}

export class ReplyEmails {
  constructor(private readonly deps: ReplyEmailDeps) {}

  async run(): Promise<void> {
    const { store, config } = this.deps;
    const time = Date.now();
    const due = await store.visitorMail.dueReplies(
      new Date(time - LOOKBACK_MS).toISOString(),
      new Date(time - config.replyEmailDelayMs).toISOString(),
      PAGE,
    );
    for (const conversationId of due) await this.email(conversationId);
  }

  private async email(conversationId: string): Promise<void> {
    const { store, config, mailer } = this.deps;
    const unseen = await store.visitorMail.unseenReplies(conversationId);
    const last = unseen?.replies.at(-1);
    if (!unseen || !last) return;
    const site = await store.sites.get(unseen.siteId);
    if (!site) return;
    const [lastView] = await store.visitors.recentPageViews(unseen.visitorId, 1);
    const page = lastView?.url ?? `${site.allowedOrigins[0] ?? config.publicUrl ?? ''}/`;
    const token = signConversationToken(await store.settings.signingKey('conversation'), conversationId);
    const email = replyEmail({
      to: unseen.visitorEmail,
      siteName: site.name,
      replies: unseen.replies,
      link: chatLink(page, token),
      replyTo: `reply+${token}@${config.mailDomain}`,
    });
    // The worker's next step sends it (when SMTP is set); storing it and the mark together means a
    // reply is emailed once, even if the process stops right after.
    await store.visitorMail.enqueueReplies(
      conversationId,
      unseen.afterSeq,
      last.seq,
      email,
      mailer.sending ? 'pending' : 'kept',
    );
  }
}
