// A reply email's link (`#livechat=TOKEN` on the visitor's last page): opens the chat on that conversation, on any device.
// A chunk of its own, fetched only by a page opened from such a link (link-token.ts finds it).

import type { ConversationLink, ConversationLinkInput } from '@livechat/protocol';

/** The page's address without the link's fragment, so a reload or a shared URL does not follow it again. */
export const withoutLink = (href: string): string => href.replace(/#.*$/, '');

/** What the server said of the link: the visitor and conversation it opens, expired (410), or nothing usable. */
export type LinkOutcome = ConversationLink | 'expired' | null;

export async function followLink(origin: string, siteId: string, token: string): Promise<LinkOutcome> {
  try {
    const response = await fetch(`${origin}/api/sites/${encodeURIComponent(siteId)}/conversation-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token } satisfies ConversationLinkInput),
    });
    if (response.status === 410) return 'expired';
    return response.ok ? ((await response.json()) as ConversationLink) : null;
  } catch {
    return null;
  }
}
