// The visitor's earlier conversations above the open one, collapsed: expanding one loads and shows its messages.

import type { ConversationSummary } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { sendSync, workspace } from '../state/live.ts';
import { dayAndTime } from '../state/time.ts';
import { earlierConversations } from '../state/visitor-history.ts';
import { MessageItem } from './history-items.tsx';

export function EarlierConversations({ conversationId, visitorId }: { conversationId: string; visitorId: string }) {
  const all = workspace.visitorHistory.byVisitor.value.get(visitorId);
  const earlier = all ? earlierConversations(all, conversationId) : [];
  if (earlier.length === 0) return null;
  return (
    <ol class="earlier" aria-label="Earlier conversations">
      {earlier.map((conversation) => (
        <EarlierConversation key={conversation.id} conversation={conversation} />
      ))}
    </ol>
  );
}

function EarlierConversation({ conversation }: { conversation: ConversationSummary }) {
  const [expanded, setExpanded] = useState(false);
  const messages = workspace.messagesOf(conversation.id);
  const synced = workspace.synced.value.has(conversation.id);
  const bodyId = `earlier-${conversation.id}`;

  function toggle() {
    if (!expanded && !synced) sendSync(conversation.id);
    setExpanded(!expanded);
  }

  return (
    <li class="earlier__item" data-testid="op-earlier-conversation" data-conversation-id={conversation.id}>
      <button
        type="button"
        class="earlier__toggle"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={toggle}
        data-testid="op-earlier-toggle"
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        Earlier conversation · {dayAndTime(conversation.createdAt)}
        <span class="earlier__status">{conversation.status === 'closed' ? 'Resolved' : 'Open'}</span>
        {!expanded && conversation.lastMessage && (
          <span class="earlier__preview">{conversation.lastMessage.body.replace(/\s+/g, ' ')}</span>
        )}
      </button>
      {expanded && (
        <div id={bodyId} class="earlier__body">
          {messages.length === 0 ? (
            <p class="panel__muted">{synced ? 'No messages.' : 'Loading…'}</p>
          ) : (
            <ol class="history__list">
              {messages.map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ol>
          )}
        </div>
      )}
    </li>
  );
}
