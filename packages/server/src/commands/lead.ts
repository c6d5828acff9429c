// /lead TITLE: a CRM lead with the transcript in its internal notes and the visitor's contact data.

import { type Command, ok } from './command.ts';
import { visitorRecord } from './visitor-record.ts';

export const lead: Command = {
  name: 'lead',
  async run({ operator, conversation, args, deps }) {
    const visitor = await visitorRecord(deps.store, conversation);
    return {
      creates: 'lead',
      lead: {
        title: args,
        internalNotes: visitor.transcript,
        contactName: visitor.name,
        contactEmail: visitor.email,
        conversationId: conversation.id,
        createdBy: operator.id,
      },
      outcome: (created) => ok({ text: 'Lead created:' }, { text: created.title, href: `#/leads/${created.id}` }),
    };
  },
};
