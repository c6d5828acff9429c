// /ticket TITLE: a helpdesk ticket with the conversation's transcript, for the visitor as customer.

import { transcript } from '../conversations/transcript.ts';
import { type Command, failed, ok } from './command.ts';

/** Public messages in a transcript: long enough for any real conversation; a transcript is a record, not a page. */
export const TRANSCRIPT_LIMIT = 10_000;

export const ticket: Command = {
  name: 'ticket',
  async run({ operator, conversation, args, deps }) {
    const { store } = deps;
    const team = await store.helpdesk.livechatTeam();
    if (!team) return failed({ text: 'No helpdesk team takes live chat tickets: enable live chat on a team first.' });
    const [visitor, lines] = await Promise.all([
      store.visitors.byId(conversation.visitorId),
      store.messages.transcriptLines(conversation.id, TRANSCRIPT_LIMIT),
    ]);
    return {
      creates: 'ticket',
      ticket: {
        title: args,
        description: transcript(lines),
        customerName: visitor?.name ?? null,
        customerEmail: visitor?.email ?? null,
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
