// /help: who is here, what can be typed, and the commands available in this conversation.

import { visitorLabel } from '@livechat/protocol';
import { type Command, ok } from './command.ts';

export const help: Command = {
  name: 'help',
  async run({ conversation, available, deps }) {
    const visitor = await deps.store.visitors.byId(conversation.visitorId);
    const operators = await Promise.all(conversation.memberIds.map((id) => deps.store.operators.byId(id)));
    const people = [
      visitorLabel({ id: conversation.visitorId, name: visitor?.name ?? null }),
      ...operators.flatMap((operator) => (operator ? [operator.name] : [])),
    ];
    return ok(
      { text: `In this conversation: ${people.join(', ')}` },
      { text: 'Type @username to mention someone: they are notified in their inbox or by email, as they chose.' },
      { text: 'Type /command to run a command. Only you see commands and their answers.' },
      { text: 'Type :shortcut to insert a canned response.' },
      { text: 'Commands available here:' },
      ...available.map((command) => ({ text: command.usage, meta: command.help })),
    );
  },
};
