// The contract of what operators keep and are told: canned responses (shortcuts unique in any case, use
// counts that add up across writers), mentions, and each operator's notifications.

import { describe, expect, it } from 'vitest';
import { aChat, aMomentLater, anOperator, freshStore, type OpenStore, visitorSays } from './fixtures.ts';

export function cannedAndMentionsContract(open: OpenStore): void {
  describe('canned responses, mentions and notifications', () => {
    const store = freshStore(open);

    it('keeps one response per shortcut whatever its case, listed by shortcut, text trimmed', async () => {
      const hello = await store().canned.create(
        { shortcut: 'Héllo', substitution: '  Hello!\n  How can I help? ' },
        'op',
      );
      expect(hello).toMatchObject({ shortcut: 'Héllo', substitution: 'Hello!\n  How can I help?', description: '' });
      expect(await store().canned.create({ shortcut: 'HÉLLO', substitution: 'Hi' }, 'op')).toBeNull();
      const bye = await store().canned.create({ shortcut: 'bye', substitution: 'Bye', description: ' Closing ' }, 'op');
      expect((await store().canned.list()).map((c) => c.shortcut)).toEqual(['bye', 'Héllo']);
      expect(await store().canned.byShortcut('hÉllo')).toEqual(hello);
      expect(await store().canned.byId(bye?.id ?? '')).toEqual(bye);
    });

    it('refuses a shortcut another response holds, changes only what a patch names, and deletes once', async () => {
      const hello = await store().canned.create({ shortcut: 'hello', substitution: 'Hello!' }, 'op');
      const bye = await store().canned.create({ shortcut: 'bye', substitution: 'Bye', description: 'Closing' }, 'op');
      if (!hello || !bye) throw new Error('both shortcuts are free');
      expect(await store().canned.update(bye.id, { shortcut: 'HELLO' })).toBe('conflict');
      expect(await store().canned.update('no-such-id', { substitution: 'x' })).toBe('missing');
      const renamed = await store().canned.update(bye.id, { shortcut: 'Bye', substitution: ' See you ' });
      expect(renamed).toMatchObject({ shortcut: 'Bye', substitution: 'See you', description: 'Closing' });
      expect(await store().canned.update(hello.id, { shortcut: 'Hello' })).toMatchObject({ shortcut: 'Hello' });
      expect(await store().canned.delete(bye.id)).toBe(true);
      expect(await store().canned.delete(bye.id)).toBe(false);
      expect(await store().canned.byShortcut('bye')).toBeNull();
    });

    it('lets one of two creating the same shortcut at once have it', async () => {
      const made = await Promise.all(
        ['Thanks', 'THANKS', 'thanks'].map((shortcut) =>
          store().canned.create({ shortcut, substitution: shortcut }, 'op'),
        ),
      );
      expect(made.filter((c) => c !== null)).toHaveLength(1);
      expect(await store().canned.list()).toHaveLength(1);
    });

    it('lets one of two renaming responses to the same shortcut at once have it', async () => {
      const made = await Promise.all(
        ['one', 'two'].map((shortcut) => store().canned.create({ shortcut, substitution: shortcut }, 'op')),
      );
      const outcomes = await Promise.all(
        made.map((canned, i) => store().canned.update(canned?.id ?? '', { shortcut: i === 0 ? 'Same' : 'SAME' })),
      );
      expect(outcomes.filter((outcome) => outcome === 'conflict')).toHaveLength(1);
      expect((await store().canned.list()).map((c) => c.shortcut.toLowerCase()).sort()).toEqual(
        expect.arrayContaining(['same']),
      );
    });

    it('counts each use once per call, and every use of calls made at once', async () => {
      const hello = await store().canned.create({ shortcut: 'hello', substitution: 'Hello!' }, 'op');
      const bye = await store().canned.create({ shortcut: 'bye', substitution: 'Bye' }, 'op');
      if (!hello || !bye) throw new Error('both shortcuts are free');
      const used = await store().canned.recordUse([hello.id, bye.id, hello.id, 'no-such-id']);
      expect(used.map((c) => [c.id, c.useCount])).toEqual([
        [hello.id, 1],
        [bye.id, 1],
      ]);
      expect(used[0]?.lastUsedAt).not.toBeNull();
      expect(await store().canned.recordUse([])).toEqual([]);
      await Promise.all(Array.from({ length: 8 }, () => store().canned.recordUse([hello.id])));
      expect((await store().canned.byId(hello.id))?.useCount).toBe(9);
    });

    it('remembers that an operator was mentioned in a conversation, once', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      expect(await store().mentions.isMentioned(chat.conversation.id, olga.id)).toBe(false);
      await Promise.all([
        store().mentions.record(chat.conversation.id, olga.id, 'm-1'),
        store().mentions.record(chat.conversation.id, olga.id, 'm-2'),
      ]);
      expect(await store().mentions.isMentioned(chat.conversation.id, olga.id)).toBe(true);
    });

    it('notifies an operator once per message, newest first, and marks only their own unread ones read', async () => {
      const chat = await aChat(store());
      const [olga, piet] = [await anOperator(store(), 'Olga'), await anOperator(store(), 'Piet')];
      const notifyOf = (operatorId: string, message: { id: string; seq: number; body: string }, kind?: 'assigned') =>
        store().notifications.create({
          operatorId,
          conversationId: chat.conversation.id,
          messageId: message.id,
          messageSeq: message.seq,
          authorName: 'Ada',
          excerpt: message.body,
          kind,
        });
      const notify = async (operatorId: string, body: string, kind?: 'assigned') =>
        notifyOf(operatorId, await visitorSays(store(), chat, body), kind);
      const firstMessage = await visitorSays(store(), chat, 'first');
      const first = await notifyOf(olga.id, firstMessage);
      await aMomentLater();
      const second = await notify(olga.id, 'second', 'assigned');
      const toPiet = await notify(piet.id, 'for piet');
      if (!first || !second || !toPiet) throw new Error('three new notifications');
      expect(first).toMatchObject({ kind: 'mention', excerpt: 'first', authorName: 'Ada', readAt: null });
      expect(await notifyOf(olga.id, firstMessage)).toBeNull();
      expect(await store().notifications.list(olga.id, 10)).toEqual([second, first]);
      expect(await store().notifications.list(olga.id, 1)).toEqual([second]);
      expect(await store().notifications.unreadCount(olga.id)).toBe(2);
      expect(await store().notifications.markRead(olga.id, [toPiet.id, second.id, second.id])).toEqual([second.id]);
      expect(await store().notifications.markRead(olga.id, [second.id])).toEqual([]);
      expect(await store().notifications.markRead(olga.id, [])).toEqual([]);
      expect(await store().notifications.unreadCount(olga.id)).toBe(1);
      expect(await store().notifications.markRead(olga.id, 'all')).toEqual([first.id]);
      expect(await store().notifications.unreadCount(piet.id)).toBe(1);
      expect((await store().notifications.list(olga.id, 10)).every((n) => n.readAt !== null)).toBe(true);
    });

    it('marks a notification read for one of two marking it at once', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const message = await visitorSays(store(), chat, 'hello @Olga');
      const made = await store().notifications.create({
        operatorId: olga.id,
        conversationId: chat.conversation.id,
        messageId: message.id,
        messageSeq: message.seq,
        authorName: 'Ada',
        excerpt: 'hello @Olga',
      });
      const marked = await Promise.all([
        store().notifications.markRead(olga.id, [made?.id ?? '']),
        store().notifications.markRead(olga.id, 'all'),
      ]);
      expect(marked.flat()).toEqual([made?.id]);
    });
  });
}
