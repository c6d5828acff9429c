// /leave: the operator leaves; the visitor is told nothing and the conversation stays open. Their lists
// hear of it after the command's answer, so that the answer shows before "left your list".

import { type Command, ok } from './command.ts';

export const leave: Command = {
  name: 'leave',
  async run({ operator, conversation, deps, defer }) {
    const after = await deps.conversations.leave(operator, conversation.id, false);
    defer(() => deps.conversations.afterLeave(after));
    const others = await Promise.all(after.memberIds.map((id) => deps.store.operators.byId(id)));
    const names = others.flatMap((other) => (other ? [other.name] : []));
    return ok(
      { text: 'You left this conversation. The visitor was not told, and it stays open.' },
      {
        text:
          names.length > 0
            ? `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} still in it.`
            : 'No operator is left in it: it went back to the queue.',
      },
    );
  },
};
