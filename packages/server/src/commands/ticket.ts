// /ticket TITLE: a helpdesk ticket with the conversation's transcript, for the visitor as customer.

import { type Command, failed, ok } from './command.ts';
import { visitorRecord } from './visitor-record.ts';

export const ticket: Command = {
  name: 'ticket',
  async run({ operator, conversation, args, deps }) {
    const { store } = deps;
    const team = await store.helpdesk.livechatTeam();
    if (!team) return failed({ text: 'No helpdesk team takes live chat tickets: enable live chat on a team first.' });
    const visitor = await visitorRecord(store, conversation);
    return {
      creates: 'ticket',
      ticket: {
        title: args,
        description: visitor.transcript,
        customerName: visitor.name,
        customerEmail: visitor.email,
        teamId: team.id,
        conversationId: conversation.id,
        createdBy: operator.id,
      },
      outcome: (created) =>
        ok(
          { text: `Ticket created in ${team.name}:` },
          { text: `${created.title} (#${created.number})`, href: `#/tickets/${created.number}` },
        ),
    };
  },
};
