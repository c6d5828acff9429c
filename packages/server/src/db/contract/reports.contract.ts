// The contract for the facts reports are made of: which conversations a period takes, and when each
// was asked and answered, on a few known rows.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/report.ts';
import {
  aChat,
  aMomentLater,
  anOperator,
  freshStore,
  fromNow,
  type OpenStore,
  visitorSays,
  operatorSays,
} from './fixtures.ts';

const MINUTE = 60_000;

export function reportsContract(open: OpenStore): void {
  describe('reports', () => {
    const store = freshStore(open);

    it('tells when a conversation was asked, first answered, and answered by its assignee', async () => {
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const chat = await aChat(store());
      await operatorSays(store(), chat, piet, 'On it'); // before the question: no answer to it
      const asked = await visitorSays(store(), chat, 'Help?');
      await visitorSays(store(), chat, 'Help?');
      await store().conversations.join(chat.conversation.id, olga.id);
      await operatorSays(store(), chat, olga, 'On it', 'operator'); // a note answers nothing
      const answered = await operatorSays(store(), chat, piet, 'On it');
      const byAssignee = await operatorSays(store(), chat, olga, 'On it');
      await store().conversations.close(chat.conversation.id);
      await store().ratings.rate(chat.conversation.id, 'good', null);
      const closed = await store().conversations.byId(chat.conversation.id);

      expect(await store().reports.conversationFacts(fromNow(-MINUTE), fromNow(MINUTE))).toEqual([
        {
          id: chat.conversation.id,
          siteId: chat.site.id,
          assignedOperatorId: olga.id,
          createdAt: chat.conversation.createdAt,
          closedAt: closed?.closedAt,
          askedAt: asked.createdAt,
          answeredAt: answered.createdAt,
          assigneeAnsweredAt: byAssignee.createdAt,
          rating: 'good',
        },
      ]);
    });

    it('makes the week’s figures of the team, each operator and each site from those facts', async () => {
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const answered = await aChat(store());
      const waiting = await aChat(store(), 'Bea', answered.site);
      await visitorSays(store(), answered, 'Help?');
      await visitorSays(store(), waiting, 'Help?');
      await store().conversations.join(answered.conversation.id, olga.id);
      await operatorSays(store(), answered, piet, 'On it');
      await store().conversations.close(answered.conversation.id);
      await store().ratings.rate(answered.conversation.id, 'bad', 'Too slow');

      const report = await buildReport(store(), 7, new Date(Date.now() + MINUTE));
      expect(report.totals).toMatchObject({ conversations: 2, answered: 1, ratings: { good: 0, okay: 0, bad: 1 } });
      expect(report.totals.resolutionMedianSeconds).not.toBeNull();
      const byOperator = report.operators.map(({ name, conversations, answered }) => ({
        name,
        conversations,
        answered,
      }));
      expect(byOperator).toEqual([
        { name: 'Olga', conversations: 1, answered: 0 },
        { name: 'Piet', conversations: 0, answered: 0 },
      ]);
      expect(report.sites).toMatchObject([{ siteId: answered.site.id, conversations: 2, answered: 1 }]);
    });

    it('leaves the times out of conversations nobody asked or answered in', async () => {
      const chat = await aChat(store());
      await aMomentLater();
      const unanswered = await aChat(store(), 'Bea', chat.site);
      const asked = await visitorSays(store(), unanswered, 'Help?');
      const facts = await store().reports.conversationFacts(fromNow(-MINUTE), fromNow(MINUTE));
      expect(facts.map((fact) => fact.id)).toEqual([chat.conversation.id, unanswered.conversation.id]);
      expect(facts[0]).toMatchObject({ assignedOperatorId: null, closedAt: null, askedAt: null, answeredAt: null });
      expect(facts[1]).toMatchObject({
        askedAt: asked.createdAt,
        answeredAt: null,
        assigneeAnsweredAt: null,
        rating: null,
      });
    });

    it('takes the conversations started in the period and those closed in it, once each', async () => {
      const before = await aChat(store(), 'Ada');
      const closedIn = await aChat(store(), 'Bea', before.site);
      await aMomentLater();
      const from = new Date().toISOString();
      await aMomentLater();
      const startedIn = await aChat(store(), 'Cleo', before.site);
      await store().conversations.close(closedIn.conversation.id);
      await store().conversations.close(startedIn.conversation.id);
      await aMomentLater();
      const to = new Date().toISOString();
      await aMomentLater();
      await aChat(store(), 'Dora', before.site);

      const facts = await store().reports.conversationFacts(from, to);
      expect(facts.map((fact) => fact.id)).toEqual([closedIn.conversation.id, startedIn.conversation.id]);
      expect(await store().reports.conversationFacts(fromNow(MINUTE), fromNow(2 * MINUTE))).toEqual([]);
    });
  });
}
