// /lead TITLE: a CRM lead with the transcript in its internal notes and the visitor's contact data.

import { transcript } from '../conversations/transcript.ts';
import { type Command, ok } from './command.ts';
import { TRANSCRIPT_LIMIT } from './ticket.ts';

export const lead: Command = {
  name: 'lead',
  async run({ operator, conversation, args, deps }) {
    const { store } = deps;
    const [visitor, lines] = await Promise.all([
      store.visitors.byId(conversation.visitorId),
      store.messages.transcriptLines(conversation.id, TRANSCRIPT_LIMIT),
    ]);
    return {
      creates: 'lead',
      lead: {
        title: args,
        internalNotes: transcript(lines),
        contactName: visitor?.name ?? null,
        contactEmail: visitor?.email ?? null,
        conversationId: conversation.id,
        createdBy: operator.id,
      },
      outcome: (created) => ok({ text: 'Lead created:' }, { text: created.title, href: `#/leads/${created.id}` }),
    };
  },
};
