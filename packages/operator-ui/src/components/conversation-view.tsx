// The center column: one conversation's history, the visitor's typing indicator and the composer.

import { Composer } from '../composer/composer.tsx';
import { isQueued, visitorLabel } from '../state/conversations.ts';
import { workspace } from '../state/live.ts';
import { buildTimeline } from '../state/timeline.ts';
import { MessageList } from './message-list.tsx';

export function ConversationView({ conversationId }: { conversationId: string }) {
  const inList = workspace.conversations.value.has(conversationId);
  const summary = workspace.summaryOf(conversationId);
  const messages = workspace.messagesOf(conversationId);
  const notices = workspace.notices.value.get(conversationId) ?? [];
  const pending = workspace.outbox.value.filter((send) => send.conversationId === conversationId);
  const results = workspace.commandResultsOf(conversationId);
  const running = workspace.running.value.filter((command) => command.conversationId === conversationId);
  const typing = workspace.typing.value.get(conversationId);
  const synced = workspace.synced.value.has(conversationId);
  const online = workspace.connection.value === 'online';
  // A conversation opened from a mention may not be in this operator's list: name it from its messages.
  const visitorAuthor = messages.find((message) => message.author.kind === 'visitor')?.author;
  const label = summary
    ? visitorLabel(summary.visitor)
    : visitorAuthor
      ? visitorLabel({ id: visitorAuthor.id ?? '', name: visitorAuthor.name, email: null })
      : 'Conversation';

  const emptyText = synced
    ? 'No messages yet.'
    : online
      ? 'Loading the conversation…'
      : 'Waiting for the connection to load this conversation…';

  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <header class="conversation__header">
        <a class="conversation__back" href="#/">
          <span aria-hidden="true">←</span> Conversations
        </a>
        <h2 id="conversation-heading" class="conversation__title">
          {label}
        </h2>
        {inList && summary && isQueued(summary) && <span class="tag tag--queued">Queued</span>}
        {!inList && workspace.conversationsLoaded.value && (
          <span class="tag tag--outside" title="You can read it because you were mentioned or linked to it.">
            Not in your list
          </span>
        )}
      </header>
      <MessageList items={buildTimeline(messages, notices, pending, results, running)} emptyText={emptyText} />
      <div class="typing-slot" aria-live="polite">
        {typing && (
          <p class="typing" data-testid="op-typing">
            <span class="typing__dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {typing.name || label} is typing…
          </p>
        )}
      </div>
      <Composer key={conversationId} conversationId={conversationId} />
    </section>
  );
}
