// The left column: every open conversation this operator can see, most recently active first.

import type { ConversationSummary } from '@livechat/protocol';
import { conversationHref } from '../routes/route.ts';
import { effectiveUnread, isQueued, lastActivity, messagePreview, visitorLabel } from '../state/conversations.ts';
import { displayUrl } from '../state/links.ts';
import { workspace } from '../state/live.ts';
import { RelativeTime } from './relative-time.tsx';

export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const conversations = workspace.sortedConversations.value;
  const loaded = workspace.conversationsLoaded.value;
  return (
    <nav class="sidebar" aria-labelledby="conversations-heading">
      <h2 id="conversations-heading" class="sidebar__heading">
        Conversations <span class="sidebar__count">{conversations.length}</span>
      </h2>
      {conversations.length === 0 ? (
        <p class="sidebar__empty">{loaded ? 'No open conversations. New ones appear here.' : 'Loading…'}</p>
      ) : (
        <ul class="conversation-list">
          {conversations.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              conversation={conversation}
              selected={conversation.id === selectedId}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}

function ConversationItem({ conversation, selected }: { conversation: ConversationSummary; selected: boolean }) {
  const selfId = workspace.operator.value?.id ?? null;
  const unread = effectiveUnread(conversation, workspace.readSeqs.value.get(conversation.id));
  const queued = isQueued(conversation);
  const page = conversation.currentPage;
  return (
    <li>
      <a
        href={conversationHref(conversation.id)}
        class={`conversation-item${unread > 0 ? ' conversation-item--unread' : ''}`}
        aria-current={selected ? 'page' : undefined}
        data-testid="op-conversation"
        data-conversation-id={conversation.id}
      >
        <span class="conversation-item__top">
          <span class="conversation-item__name">{visitorLabel(conversation.visitor)}</span>
          <RelativeTime class="conversation-item__time" iso={new Date(lastActivity(conversation)).toISOString()} />
        </span>
        <span class="conversation-item__preview">{messagePreview(conversation.lastMessage, selfId)}</span>
        {page && (
          <span class="conversation-item__page" title={page.url}>
            {page.title.trim() || displayUrl(page.url)}
          </span>
        )}
        {(queued || unread > 0) && (
          <span class="conversation-item__tags">
            {queued && <span class="tag tag--queued">Queued</span>}
            {unread > 0 && (
              <span class="badge" data-testid="op-unread" role="img" aria-label={`${unread} unread`}>
                {unread}
              </span>
            )}
          </span>
        )}
      </a>
    </li>
  );
}
