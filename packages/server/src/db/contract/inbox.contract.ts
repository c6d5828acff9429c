// The inbox's contract: the Mine and Unassigned views with their counts, and how far each side has read.

import type { OperatorProfile } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { ViewName } from '../../conversations/views.ts';
import type { Store } from '../store.ts';
import { aChat, anOperator, freshStore, type OpenStore, visitorSays, operatorSays } from './fixtures.ts';

/** Every conversation id of the view, page after page of `limit`. */
async function walk(store: Store, operator: OperatorProfile, view: ViewName, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await store.views.page(operator, view, limit, cursor);
    pages.push(page.conversations.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 10);
  return pages;
}

export function inboxContract(open: OpenStore): void {
  describe('inbox views and read marks', () => {
    const store = freshStore(open);

    it('shows an operator Mine and Unassigned, and counts them alike', async () => {
      const mine = await aChat(store(), 'Ada');
      const waiting = await aChat(store(), 'Grace', mine.site);
      const others = await aChat(store(), 'Hedy', mine.site);
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().conversations.join(mine.conversation.id, olga.id);
      await store().conversations.join(others.conversation.id, piet.id);
      const ids = async (view: ViewName) =>
        (await store().views.page(olga, view, 50, null)).conversations.map((c) => c.id);
      expect(await ids('mine')).toEqual([mine.conversation.id]);
      expect(await ids('unassigned')).toEqual([waiting.conversation.id]);
      expect((await ids('listed')).sort()).toEqual([mine.conversation.id, waiting.conversation.id].sort());
      expect(await store().views.counts(olga)).toEqual({ mine: 1, unassigned: 1, mentions: 0, resolved: 0, all: null });
      const admin = await anOperator(store(), 'Ines', 'admin');
      expect((await store().views.counts(admin)).all).toBe(3);
    });

    it('pages a view without repeating or skipping a conversation', async () => {
      const first = await aChat(store(), 'Ada');
      const chats = [first, await aChat(store(), 'Grace', first.site), await aChat(store(), 'Hedy', first.site)];
      for (const chat of chats) await visitorSays(store(), chat, 'hello');
      const olga = await anOperator(store(), 'Olga');
      const pages = await walk(store(), olga, 'unassigned', 2);
      expect(pages.map((p) => p.length)).toEqual([2, 1]);
      expect(pages.flat().sort()).toEqual(chats.map((c) => c.conversation.id).sort());
    });

    it('counts the visitor’s messages an operator has not read', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      await store().conversations.join(chat.conversation.id, olga.id);
      for (const body of ['hello', 'my order', 'is late']) await visitorSays(store(), chat, body);
      await operatorSays(store(), chat, olga, 'looking into it');
      expect(await store().conversations.unreadCount(chat.conversation.id, olga.id)).toBe(3);
      expect(await store().conversations.unreadCount(chat.conversation.id, olga.id, 2)).toBe(2);
      await store().conversations.markRead(chat.conversation.id, olga.id, 2);
      expect(await store().conversations.unreadCount(chat.conversation.id, olga.id)).toBe(1);
      expect(await store().readMarks.seenSeq(chat.conversation.id)).toBe(2);
      // A mark that arrives late (another tab, another node) does not undo a later one.
      await store().conversations.markRead(chat.conversation.id, olga.id, 1);
      expect(await store().conversations.unreadCount(chat.conversation.id, olga.id)).toBe(1);
      expect(await store().readMarks.seenSeq(chat.conversation.id)).toBe(2);
    });

    it('moves the visitor’s read marker forward only', async () => {
      const chat = await aChat(store());
      for (const body of ['hello', 'anyone?', 'hello?']) await visitorSays(store(), chat, body);
      expect(await store().readMarks.visitorReadSeq(chat.conversation.id)).toBe(0);
      await store().readMarks.visitorRead(chat.conversation.id, 3);
      await store().readMarks.visitorRead(chat.conversation.id, 1);
      expect(await store().readMarks.visitorReadSeq(chat.conversation.id)).toBe(3);
      expect(await store().readMarks.seenSeq(chat.conversation.id)).toBe(0);
    });
  });
}
