// The contract of conversations as lists show them: newest activity first, counts per operator, and
// membership changes that arrive at the same moment.

import { describe, expect, it } from 'vitest';
import { aChat, aMomentLater, anOperator, freshStore, type OpenStore, visitorSays } from './fixtures.ts';

/** Polls until `check` holds, a few seconds at most: for a wait measured by the database's clock. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let tries = 0; tries < 50; tries++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export function conversationListingsContract(open: OpenStore): void {
  describe('conversation listings', () => {
    const store = freshStore(open);

    it('lists an operator’s conversations by their newest activity, a new message moving one to the top', async () => {
      const first = await aChat(store(), 'Ada');
      await aMomentLater();
      const second = await aChat(store(), 'Grace', first.site);
      await aMomentLater();
      const third = await aChat(store(), 'Hedy', first.site);
      const olga = await anOperator(store(), 'Olga');
      const ids = async () => (await store().conversations.listVisibleTo(olga.id)).map((c) => c.id);
      expect(await ids()).toEqual([third, second, first].map((chat) => chat.conversation.id));
      await aMomentLater();
      const message = await visitorSays(store(), first, 'still there?');
      expect(await ids()).toEqual([first, third, second].map((chat) => chat.conversation.id));
      const listed = (await store().conversations.listVisibleTo(olga.id))[0];
      expect(listed).toMatchObject({ lastSeq: 1, updatedAt: message.createdAt });
    });

    it('keeps the last seq of a conversation with its row, for a resume to start from', async () => {
      const chat = await aChat(store());
      for (const body of ['one', 'two', 'three']) await visitorSays(store(), chat, body);
      const { site, visitor, conversation } = chat;
      expect(await store().conversations.openRefByVisitor(site.id, visitor.id)).toEqual({
        id: conversation.id,
        lastSeq: 3,
      });
      expect((await store().conversations.byId(conversation.id))?.lastSeq).toBe(3);
      expect((await store().conversations.findOrCreateOpen(site.id, visitor.id)).conversation.lastSeq).toBe(3);
    });

    it('counts only the open conversations an operator is still in', async () => {
      const kept = await aChat(store(), 'Ada');
      const resolved = await aChat(store(), 'Grace', kept.site);
      const left = await aChat(store(), 'Hedy', kept.site);
      const olga = await anOperator(store(), 'Olga');
      for (const chat of [kept, resolved, left]) await store().conversations.join(chat.conversation.id, olga.id);
      expect((await store().conversations.openCounts([olga.id])).get(olga.id)).toBe(3);
      await store().conversations.close(resolved.conversation.id);
      await store().conversations.leave(left.conversation.id, olga.id);
      expect(await store().conversations.openCounts([olga.id])).toEqual(new Map([[olga.id, 1]]));
      expect(await store().conversations.openIdsOfMember(olga.id)).toEqual([kept.conversation.id]);
      expect(await store().conversations.openCounts([])).toEqual(new Map());
    });

    it('makes one assignee of operators joining at the same moment, and all of them members', async () => {
      const { conversation } = await aChat(store());
      const operators = await Promise.all(['Olga', 'Piet', 'Ines', 'Ravi'].map((name) => anOperator(store(), name)));
      await Promise.all(operators.map((o) => store().conversations.join(conversation.id, o.id)));
      const joined = await store().conversations.byId(conversation.id);
      expect(operators.map((o) => o.id)).toContain(joined?.assignedOperatorId);
      expect(joined?.memberIds).toEqual(operators.map((o) => o.id).sort());
    });

    it('puts a conversation back in the queue when all its members leave at the same moment', async () => {
      const operators = await Promise.all(
        ['Olga', 'Piet', 'Ines', 'Ravi', 'Sven', 'Tara'].map((name) => anOperator(store(), name)),
      );
      const first = await aChat(store());
      // Rounds, since leaves meet at the same moment only now and then.
      for (let round = 0; round < 5; round++) {
        const { conversation } = round === 0 ? first : await aChat(store(), `Visitor ${round}`, first.site);
        for (const o of operators) await store().conversations.join(conversation.id, o.id);
        await Promise.all(operators.map((o) => store().conversations.leave(conversation.id, o.id)));
        const left = await store().conversations.byId(conversation.id);
        expect(left).toMatchObject({ assignedOperatorId: null, memberIds: [], status: 'open' });
        expect((await store().conversations.queued(10)).map((c) => c.id)).toContain(conversation.id);
      }
    });

    it('never leaves a conversation with an assignee who is no longer in it, however leaves and joins interleave', async () => {
      const { conversation } = await aChat(store());
      const operators = await Promise.all(['Olga', 'Piet', 'Ines', 'Ravi'].map((name) => anOperator(store(), name)));
      for (const o of operators.slice(0, 3)) await store().conversations.join(conversation.id, o.id);
      const [olga, piet, ines, ravi] = operators.map((o) => o.id) as [string, string, string, string];
      await Promise.all([
        store().conversations.leave(conversation.id, olga),
        store().conversations.leave(conversation.id, piet),
        store().conversations.join(conversation.id, ravi),
        store().conversations.assignTo(conversation.id, ines),
      ]);
      const after = await store().conversations.byId(conversation.id);
      expect(after?.memberIds).toEqual([ines, ravi].sort());
      expect(after?.memberIds).toContain(after?.assignedOperatorId);
    });

    it('finds a queued conversation due for an alert once it waited longer than its site allows', async () => {
      const site = await store().sites.create({ name: 'Quick', allowedOrigins: [], queueAlertSeconds: 1 });
      const waiting = await aChat(store(), 'Ada', site);
      const taken = await aChat(store(), 'Grace', site);
      const patient = await aChat(store(), 'Hedy');
      const olga = await anOperator(store(), 'Olga');
      await store().conversations.join(taken.conversation.id, olga.id);
      const dueIds = async () => (await store().conversations.dueQueueAlerts()).map((c) => c.id);
      expect(await eventually(async () => (await dueIds()).includes(waiting.conversation.id))).toBe(true);
      const due = await dueIds();
      expect(due).not.toContain(taken.conversation.id);
      // Its site's default wait is two minutes.
      expect(due).not.toContain(patient.conversation.id);
      await store().conversations.markQueueAlerted(waiting.conversation.id, waiting.conversation.queuedAt ?? '');
      expect(await dueIds()).not.toContain(waiting.conversation.id);
    });
  });
}
