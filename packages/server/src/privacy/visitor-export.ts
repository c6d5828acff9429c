// Everything stored about one visitor, as the one JSON file an admin downloads.

import type { Message, VisitorExport } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import { now } from '../ids.ts';

const MESSAGE_PAGE = 1000;
/** Far above what the page view limits let one visitor store. */
const ALL_PAGE_VIEWS = 1_000_000;

async function allMessages(store: Store, conversationId: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const page = await store.messages.after(conversationId, messages.at(-1)?.seq ?? 0, MESSAGE_PAGE);
    messages.push(...page);
    if (page.length < MESSAGE_PAGE) return messages;
  }
}

/** Null when there is no such visitor (or they were erased). */
export async function exportVisitor(store: Store, visitorId: string): Promise<VisitorExport | null> {
  const [visitor, createdAt] = await Promise.all([
    store.visitors.byId(visitorId),
    store.visitorData.visitorCreatedAt(visitorId),
  ]);
  if (!visitor || createdAt === null) return null;
  const conversations = await store.conversations.byVisitor(visitorId);
  const { siteId, ...profile } = visitor;
  return {
    exportedAt: now(),
    siteId,
    visitor: { ...profile, createdAt },
    conversations: await Promise.all(
      conversations.map(async (conversation) => ({
        id: conversation.id,
        status: conversation.status,
        createdAt: conversation.createdAt,
        closedAt: conversation.closedAt,
        messages: await allMessages(store, conversation.id),
        rating: await store.ratings.of(conversation.id),
      })),
    ),
    pageViews: await store.visitors.recentPageViews(visitorId, ALL_PAGE_VIEWS),
  };
}
