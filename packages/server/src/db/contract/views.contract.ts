// The inbox views' contract beyond Mine and Unassigned: Resolved and All, who may see them, their
// order and counts, and the refusals a page answers with.

import type { OperatorProfile } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { ViewName } from '../../conversations/views.ts';
import type { Store } from '../store.ts';
import { aChat, aMomentLater, anOperator, type Chat, freshStore, type OpenStore, visitorSays } from './fixtures.ts';

const idsOf = async (store: Store, operator: OperatorProfile, view: ViewName, limit = 50): Promise<string[]> =>
  (await store.views.page(operator, view, limit, null)).conversations.map((c) => c.id);

export function viewsContract(open: OpenStore): void {
  describe('inbox views: resolved, all, order and refusals', () => {
    const store = freshStore(open);

    it('shows a resolved conversation to its members at the end and to admins, newest first', async () => {
      const older = await aChat(store(), 'Ada');
      const newer = await aChat(store(), 'Grace', older.site);
      const unseen = await aChat(store(), 'Hedy', older.site);
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const admin = await anOperator(store(), 'Ines', 'admin');
      await store().conversations.join(older.conversation.id, olga.id);
      await store().conversations.join(newer.conversation.id, olga.id);
      await store().conversations.join(unseen.conversation.id, piet.id);
      // Piet was in it once but left before it ended: it is no longer his to read.
      await store().conversations.join(older.conversation.id, piet.id);
      await store().conversations.leave(older.conversation.id, piet.id);
      for (const chat of [older, newer, unseen]) {
        await aMomentLater();
        await store().conversations.close(chat.conversation.id);
      }
      expect(await idsOf(store(), olga, 'resolved')).toEqual([newer.conversation.id, older.conversation.id]);
      expect(await idsOf(store(), piet, 'resolved')).toEqual([unseen.conversation.id]);
      expect(await idsOf(store(), admin, 'resolved')).toEqual(
        [unseen, newer, older].map((chat) => chat.conversation.id),
      );
      expect(await store().views.counts(olga)).toMatchObject({ mine: 0, unassigned: 0, resolved: 2, all: null });
      expect(await store().views.counts(admin)).toMatchObject({ resolved: 3, all: 0 });
      const firstPage = await store().views.page(admin, 'resolved', 2, null);
      expect(firstPage.conversations.map((c) => c.id)).toEqual([unseen, newer].map((chat) => chat.conversation.id));
      const rest = await store().views.page(admin, 'resolved', 2, firstPage.nextCursor);
      expect(rest).toEqual({
        conversations: [expect.objectContaining({ id: older.conversation.id })],
        nextCursor: null,
      });
    });

    it('shows admins every open conversation in All, by newest activity, and refuses it to others', async () => {
      const first = await aChat(store(), 'Ada');
      await aMomentLater();
      const second = await aChat(store(), 'Grace', first.site);
      const closed = await aChat(store(), 'Hedy', first.site);
      await store().conversations.close(closed.conversation.id);
      const olga = await anOperator(store(), 'Olga');
      const admin = await anOperator(store(), 'Ines', 'admin');
      await store().conversations.join(second.conversation.id, olga.id);
      expect(await idsOf(store(), admin, 'all')).toEqual([second, first].map((chat) => chat.conversation.id));
      await aMomentLater();
      await visitorSays(store(), first, 'hello?');
      expect(await idsOf(store(), admin, 'all')).toEqual([first, second].map((chat) => chat.conversation.id));
      expect((await store().views.counts(admin)).all).toBe(2);
      await expect(store().views.page(olga, 'all', 50, null)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('orders Mine by newest activity and pages it from a cursor without repeats', async () => {
      const olga = await anOperator(store(), 'Olga');
      const chats: Chat[] = [];
      for (const name of ['Ada', 'Grace', 'Hedy', 'Joan']) {
        const chat = await aChat(store(), name, chats[0]?.site);
        await store().conversations.join(chat.conversation.id, olga.id);
        chats.push(chat);
        await aMomentLater();
      }
      const [ada, grace, hedy, joan] = chats.map((chat) => chat.conversation.id) as [string, string, string, string];
      await visitorSays(store(), chats[1] as Chat, 'a question');
      const first = await store().views.page(olga, 'mine', 3, null);
      expect(first.conversations.map((c) => c.id)).toEqual([grace, joan, hedy]);
      const next = await store().views.page(olga, 'mine', 3, first.nextCursor);
      expect(next.conversations.map((c) => c.id)).toEqual([ada]);
      expect(next.nextCursor).toBeNull();
      expect((await store().views.counts(olga)).mine).toBe(4);
    });

    it('refuses a cursor the server never gave', async () => {
      const olga = await anOperator(store(), 'Olga');
      await expect(store().views.page(olga, 'mine', 10, 'not-a-cursor')).rejects.toMatchObject({
        code: 'bad_request',
      });
    });
  });
}
