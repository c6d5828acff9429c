// The center column: the header with its actions, earlier conversations, the history, typing, and the composer.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { Composer } from '../composer/composer.tsx';
import { isQueued, visitorLabel } from '../state/conversations.ts';
import { loadVisitorConversations } from '../state/inbox-live.ts';
import { workspace } from '../state/live.ts';
import { buildTimeline } from '../state/timeline.ts';
import { trayOf } from '../state/upload-tray.ts';
import { ConversationActions } from './conversation-actions.tsx';
import { EarlierConversations } from './earlier-conversations.tsx';
import { MessageList } from './message-list.tsx';
import { PreviousConversationLink } from './previous-conversation.tsx';
import { ConversationRatingNote } from './rating-badge.tsx';

const NONE: readonly never[] = [];

export function ConversationView({ conversationId }: { conversationId: string }) {
  const inList = workspace.conversations.value.has(conversationId);
  const summary = workspace.summaryOf(conversationId);
  const messages = workspace.messagesOf(conversationId);
  const notices = workspace.notices.value.get(conversationId) ?? NONE;
  const pending = workspace.outbox.value.filter((send) => send.conversationId === conversationId);
  const results = workspace.commandResultsOf(conversationId);
  const running = workspace.running.value.filter((command) => command.conversationId === conversationId);
  const typing = workspace.typing.value.get(conversationId);
  const synced = workspace.synced.value.has(conversationId);
  const online = workspace.connection.value === 'online';
  const focus = workspace.focusSeq.value;
  const resolved = summary?.status === 'closed';
  const visitorId = summary?.visitor.id;
  // A conversation opened from a mention may not be in this operator's list: name it from its messages.
  const visitorAuthor = messages.find((message) => message.author.kind === 'visitor')?.author;
  const label = summary
    ? visitorLabel(summary.visitor)
    : visitorAuthor
      ? visitorLabel({ id: visitorAuthor.id ?? '', name: visitorAuthor.name, email: null })
      : 'Conversation';

  const dropping = useFileDrop(resolved ? null : conversationId);

  useEffect(() => {
    if (visitorId) void loadVisitorConversations(visitorId);
  }, [visitorId]);

  // Rebuilt only when one of its parts changed, not on every change elsewhere (the list, presence).
  const items = useMemo(
    () => buildTimeline(messages, notices, pending, results, running),
    [messages, notices, ...pending, results, ...running],
  );

  const emptyText = synced
    ? 'No messages yet.'
    : online
      ? 'Loading the conversation…'
      : 'Waiting for the connection to load this conversation…';

  return (
    <section
      class={`conversation${dropping.active ? ' conversation--dropping' : ''}`}
      aria-labelledby="conversation-heading"
      {...dropping.handlers}
    >
      <header class="conversation__header">
        <a class="conversation__back" href="#/">
          <span aria-hidden="true">←</span> Conversations
        </a>
        <h2 id="conversation-heading" class="conversation__title">
          {label}
        </h2>
        {summary && !resolved && isQueued(summary) && <span class="tag tag--queued">Queued</span>}
        {resolved && (
          <span class="tag tag--resolved" data-testid="op-resolved">
            Resolved
          </span>
        )}
        {!inList && !resolved && workspace.conversationsLoaded.value && (
          <span class="tag tag--outside" title="You can read it because you were mentioned or linked to it.">
            Not in your list
          </span>
        )}
        <ConversationActions summary={summary} />
        {summary?.rating && <ConversationRatingNote rating={summary.rating} />}
        {summary?.previousConversationId && (
          <PreviousConversationLink conversationId={summary.previousConversationId} />
        )}
      </header>
      {dropping.active && (
        <p class="conversation__drop" aria-hidden="true">
          Drop files here to attach them to your message
        </p>
      )}
      <MessageList
        key={conversationId}
        items={items}
        emptyText={emptyText}
        before={visitorId ? <EarlierConversations conversationId={conversationId} visitorId={visitorId} /> : null}
        focusSeq={focus?.conversationId === conversationId ? focus.seq : null}
        onFocused={() => {
          workspace.focusSeq.value = null;
        }}
      />
      <div class="typing-slot" aria-live="polite">
        {typing && !resolved && (
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
      {resolved ? (
        <p class="composer composer--closed" data-testid="op-conversation-closed">
          This conversation is resolved and can no longer be answered. If the visitor writes again, a new conversation
          starts.
        </p>
      ) : (
        <Composer key={conversationId} conversationId={conversationId} />
      )}
    </section>
  );
}

/** Files dragged onto an open conversation join its composer's tray; the conversation shows where they will go. */
function useFileDrop(conversationId: string | null) {
  const [active, setActive] = useState(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const handlers = {
    onDragOver(event: DragEvent) {
      if (!conversationId || !carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setActive(true);
    },
    onDragLeave(event: DragEvent) {
      // Leaving for a child of the conversation is not leaving it.
      const next = event.relatedTarget;
      if (next instanceof Node && (event.currentTarget as Node).contains(next)) return;
      setActive(false);
    },
    onDrop(event: DragEvent) {
      setActive(false);
      if (!conversationId || !carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) trayOf(conversationId).add(event.dataTransfer.files);
    },
  };
  return { active, handlers };
}
