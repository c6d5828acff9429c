// The read marks' contract beyond the inbox's: each conversation keeps its own, operators' marks make no
// members, and the seen mark is the furthest any operator read.

import { describe, expect, it } from 'vitest';
import { aChat, anOperator, freshStore, type OpenStore, visitorSays } from './fixtures.ts';

export function readMarksContract(open: OpenStore): void {
  describe('read marks', () => {
    const store = freshStore(open);

    it('takes the furthest any operator read as seen, a reader who never joined included', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const admin = await anOperator(store(), 'Ines', 'admin');
      await store().conversations.join(chat.conversation.id, olga.id);
      for (const body of ['one', 'two', 'three', 'four']) await visitorSays(store(), chat, body);
      await store().conversations.markRead(chat.conversation.id, olga.id, 2);
      await store().conversations.markRead(chat.conversation.id, admin.id, 4);
      expect(await store().readMarks.seenSeq(chat.conversation.id)).toBe(4);
      expect(await store().conversations.unreadCount(chat.conversation.id, olga.id)).toBe(2);
      expect(await store().conversations.unreadCount(chat.conversation.id, admin.id)).toBe(0);
      // Reading is not joining: the admin is no member and has nothing open.
      const read = await store().conversations.byId(chat.conversation.id);
      expect(read).toMatchObject({ memberIds: [olga.id], assignedOperatorId: olga.id, leftIds: [] });
      expect(await store().conversations.openIdsOfMember(admin.id)).toEqual([]);
    });

    it('keeps each conversation’s marks apart', async () => {
      const first = await aChat(store(), 'Ada');
      const second = await aChat(store(), 'Grace', first.site);
      const olga = await anOperator(store(), 'Olga');
      for (const chat of [first, second]) for (const body of ['one', 'two']) await visitorSays(store(), chat, body);
      await store().readMarks.visitorRead(first.conversation.id, 2);
      await store().conversations.markRead(second.conversation.id, olga.id, 1);
      expect(await store().readMarks.visitorReadSeq(first.conversation.id)).toBe(2);
      expect(await store().readMarks.visitorReadSeq(second.conversation.id)).toBe(0);
      expect(await store().readMarks.seenSeq(first.conversation.id)).toBe(0);
      expect(await store().readMarks.seenSeq(second.conversation.id)).toBe(1);
      expect(await store().conversations.unreadCount(first.conversation.id, olga.id)).toBe(2);
    });

    it('keeps the furthest of read marks sent at the same moment', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      for (const body of ['one', 'two', 'three', 'four', 'five']) await visitorSays(store(), chat, body);
      const marks = [3, 5, 1, 4, 2];
      await Promise.all(marks.map((seq) => store().readMarks.visitorRead(chat.conversation.id, seq)));
      await Promise.all(marks.map((seq) => store().conversations.markRead(chat.conversation.id, olga.id, seq)));
      expect(await store().readMarks.visitorReadSeq(chat.conversation.id)).toBe(5);
      expect(await store().readMarks.seenSeq(chat.conversation.id)).toBe(5);
    });
  });
}
