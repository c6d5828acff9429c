// One row of the conversation list: who, when, the last message, the visitor's page, and queued or unread marks.

import type { ConversationSummary } from '@livechat/protocol';
import { conversationHref } from '../../routes/route.ts';
import { effectiveUnread, isQueued, lastActivity, messagePreview, visitorLabel } from '../../state/conversations.ts';
import { displayUrl } from '../../state/links.ts';
import { workspace } from '../../state/live.ts';
import { RatingTag } from '../rating-badge.tsx';
import { RelativeTime } from '../relative-time.tsx';

/** Every row has this height (CSS agrees), so the list can be drawn as a window. */
export const CONVERSATION_ROW_HEIGHT = 88;

export function ConversationRow({ conversation, selected }: { conversation: ConversationSummary; selected: boolean }) {
  const selfId = workspace.operator.value?.id ?? null;
  const unread = effectiveUnread(conversation, workspace.readSeqs.value.get(conversation.id));
  const queued = conversation.status === 'open' && isQueued(conversation);
  const resolved = conversation.status === 'closed';
  const page = conversation.currentPage;
  return (
    <a
      href={conversationHref(conversation.id)}
      class={`conversation-item${unread > 0 && !resolved ? ' conversation-item--unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
      data-testid="op-conversation"
      data-conversation-id={conversation.id}
    >
      <span class="conversation-item__top">
        <span class="conversation-item__name">{visitorLabel(conversation.visitor)}</span>
        <RelativeTime class="conversation-item__time" iso={new Date(lastActivity(conversation)).toISOString()} />
      </span>
      <span class="conversation-item__preview">{messagePreview(conversation.lastMessage, selfId)}</span>
      <span class="conversation-item__foot">
        <span class="conversation-item__page" title={page?.url}>
          {page ? page.title.trim() || displayUrl(page.url) : ''}
        </span>
        {queued && <span class="tag tag--queued">Queued</span>}
        {resolved && conversation.rating && <RatingTag rating={conversation.rating} />}
        {resolved && <span class="tag tag--resolved">Resolved</span>}
        {unread > 0 && !resolved && (
          <span class="badge" data-testid="op-unread" role="img" aria-label={`${unread} unread`}>
            {unread}
          </span>
        )}
      </span>
    </a>
  );
}
