// The conversation store's contract: one open conversation per visitor, who is in it, who has it, and its end.

import { describe, expect, it } from 'vitest';
import { aChat, aMomentLater, anOperator, aVisitor, freshStore, type OpenStore } from './fixtures.ts';

export function conversationsContract(open: OpenStore): void {
  describe('conversations', () => {
    const store = freshStore(open);

    it('opens one conversation per visitor and site, and finds it again', async () => {
      const { site, visitor, conversation } = await aChat(store());
      expect(conversation).toMatchObject({
        siteId: site.id,
        visitorId: visitor.id,
        status: 'open',
        assignedOperatorId: null,
        lastSeq: 0,
        memberIds: [],
        leftIds: [],
        closedAt: null,
        previousConversationId: null,
      });
      expect(conversation.queuedAt).not.toBeNull();
      const again = await store().conversations.findOrCreateOpen(site.id, visitor.id, 'an-earlier-one');
      expect(again).toEqual({ conversation, created: false });
      expect(await store().conversations.openByVisitor(site.id, visitor.id)).toEqual(conversation);
      expect(await store().conversations.openRefByVisitor(site.id, visitor.id)).toEqual({
        id: conversation.id,
        lastSeq: 0,
      });
      expect(await store().conversations.byId(conversation.id)).toEqual(conversation);
      expect(await store().conversations.byId('no-such-conversation')).toBeNull();
    });

    it('opens exactly one when a visitor’s first messages arrive at the same moment', async () => {
      const { site } = await aChat(store());
      const visitor = await aVisitor(store(), site.id, 'Grace');
      const opened = await Promise.all(
        Array.from({ length: 5 }, () => store().conversations.findOrCreateOpen(site.id, visitor.id)),
      );
      expect(opened.filter((o) => o.created)).toHaveLength(1);
      expect(new Set(opened.map((o) => o.conversation.id)).size).toBe(1);
      expect(await store().conversations.byVisitor(visitor.id)).toHaveLength(1);
    });

    it('makes the first operator to join the assignee, and keeps them when others join', async () => {
      const { conversation } = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const joined = await store().conversations.join(conversation.id, olga.id);
      expect(joined).toMatchObject({ assignedOperatorId: olga.id, memberIds: [olga.id] });
      const both = await store().conversations.join(conversation.id, piet.id);
      expect(both.assignedOperatorId).toBe(olga.id);
      expect(both.memberIds).toEqual([olga.id, piet.id].sort());
      expect(await store().conversations.openIdsOfMember(piet.id)).toEqual([conversation.id]);
    });

    it('passes the conversation to a remaining member when the assignee leaves, and to the queue after the last', async () => {
      const { conversation } = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().conversations.join(conversation.id, olga.id);
      await store().conversations.join(conversation.id, piet.id);
      const handedOn = await store().conversations.leave(conversation.id, olga.id);
      expect(handedOn).toMatchObject({ assignedOperatorId: piet.id, memberIds: [piet.id], leftIds: [olga.id] });
      const queued = await store().conversations.leave(conversation.id, piet.id);
      expect(queued).toMatchObject({ assignedOperatorId: null, memberIds: [], status: 'open' });
      expect(queued.leftIds).toEqual([olga.id, piet.id].sort());
      expect((await store().conversations.queued(10)).map((c) => c.id)).toEqual([conversation.id]);
    });

    it('assigns to an operator, who joins; the previous assignee leaves', async () => {
      const { conversation } = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().conversations.join(conversation.id, olga.id);
      const assigned = await store().conversations.assignTo(conversation.id, piet.id);
      expect(assigned).toMatchObject({ assignedOperatorId: piet.id, memberIds: [piet.id], leftIds: [olga.id] });
      expect(await store().conversations.openIdsOfMember(olga.id)).toEqual([]);
    });

    it('resolves an open conversation once; its members stay, and the visitor’s next message opens a new one', async () => {
      const { site, visitor, conversation } = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      await store().conversations.join(conversation.id, olga.id);
      expect(await store().conversations.close(conversation.id)).toBe(true);
      expect(await store().conversations.close(conversation.id)).toBe(false);
      const closed = await store().conversations.byId(conversation.id);
      expect(closed).toMatchObject({ status: 'closed', memberIds: [olga.id] });
      expect(closed?.closedAt).not.toBeNull();
      expect(await store().conversations.openByVisitor(site.id, visitor.id)).toBeNull();
      expect(await store().conversations.openRefByVisitor(site.id, visitor.id)).toBeNull();
      expect(await store().conversations.openIdsOfMember(olga.id)).toEqual([]);
      const next = await store().conversations.findOrCreateOpen(site.id, visitor.id, conversation.id);
      expect(next).toMatchObject({ created: true, conversation: { previousConversationId: conversation.id } });
      const all = await store().conversations.byVisitor(visitor.id);
      expect(all.map((c) => c.id).sort()).toEqual([conversation.id, next.conversation.id].sort());
    });

    it('lists for an operator their open conversations and the queue, not others’ nor those they left', async () => {
      const mine = await aChat(store(), 'Ada');
      const waiting = await aChat(store(), 'Grace', mine.site);
      const taken = await aChat(store(), 'Hedy', mine.site);
      const left = await aChat(store(), 'Joan', mine.site);
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().conversations.join(mine.conversation.id, olga.id);
      await store().conversations.join(taken.conversation.id, piet.id);
      await store().conversations.join(left.conversation.id, olga.id);
      await store().conversations.leave(left.conversation.id, olga.id);
      const visible = await store().conversations.listVisibleTo(olga.id);
      expect(visible.map((c) => c.id).sort()).toEqual([mine.conversation.id, waiting.conversation.id].sort());
      expect((await store().conversations.queued(10)).map((c) => c.id).sort()).toEqual(
        [waiting.conversation.id, left.conversation.id].sort(),
      );
      expect(await store().conversations.openCounts([olga.id, piet.id, 'nobody'])).toEqual(
        new Map([
          [olga.id, 1],
          [piet.id, 1],
          ['nobody', 0],
        ]),
      );
    });

    it('serves the queue oldest wait first, and puts a conversation its last operator left at the back', async () => {
      const first = await aChat(store(), 'Ada');
      await aMomentLater();
      const second = await aChat(store(), 'Grace', first.site);
      await aMomentLater();
      const third = await aChat(store(), 'Hedy', first.site);
      const ids = async (limit: number) => (await store().conversations.queued(limit)).map((c) => c.id);
      expect(await ids(10)).toEqual([first, second, third].map((chat) => chat.conversation.id));
      expect(await ids(2)).toEqual([first.conversation.id, second.conversation.id]);
      const olga = await anOperator(store(), 'Olga');
      await store().conversations.join(first.conversation.id, olga.id);
      await aMomentLater();
      await store().conversations.leave(first.conversation.id, olga.id);
      expect(await ids(10)).toEqual([second, third, first].map((chat) => chat.conversation.id));
    });

    it('lists a visitor’s conversations newest first', async () => {
      const { site, visitor, conversation } = await aChat(store());
      await store().conversations.close(conversation.id);
      await aMomentLater();
      const next = await store().conversations.findOrCreateOpen(site.id, visitor.id, conversation.id);
      const ids = (await store().conversations.byVisitor(visitor.id)).map((c) => c.id);
      expect(ids).toEqual([next.conversation.id, conversation.id]);
    });

    it('records a queue alert once per wait, and none for a conversation someone took', async () => {
      const waiting = await aChat(store(), 'Ada');
      const taken = await aChat(store(), 'Grace', waiting.site);
      const olga = await anOperator(store(), 'Olga');
      await store().conversations.join(taken.conversation.id, olga.id);
      const queuedAt = (c: { queuedAt: string | null }): string => c.queuedAt ?? '';
      expect(
        await store().conversations.markQueueAlerted(waiting.conversation.id, queuedAt(waiting.conversation)),
      ).toBe(true);
      expect(
        await store().conversations.markQueueAlerted(waiting.conversation.id, queuedAt(waiting.conversation)),
      ).toBe(false);
      expect(await store().conversations.markQueueAlerted(taken.conversation.id, queuedAt(taken.conversation))).toBe(
        false,
      );
      // Back in the queue, a new wait starts, which may be alerted again.
      await aMomentLater();
      const requeued = await store().conversations.leave(taken.conversation.id, olga.id);
      expect(requeued.queuedAt).not.toBe(taken.conversation.queuedAt);
      expect(await store().conversations.markQueueAlerted(taken.conversation.id, queuedAt(requeued))).toBe(true);
    });
  });
}
