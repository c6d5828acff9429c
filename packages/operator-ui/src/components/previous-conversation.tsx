// The link from a conversation to the resolved one it continues (the visitor answered that one by email after it ended).

import { conversationHref } from '../routes/route.ts';

export function PreviousConversationLink({ conversationId }: { conversationId: string }) {
  return (
    <p class="conversation__previous">
      <a href={conversationHref(conversationId)} data-testid="op-previous-conversation">
        <span aria-hidden="true">↩ </span>Continues a resolved conversation
      </a>
    </p>
  );
}
