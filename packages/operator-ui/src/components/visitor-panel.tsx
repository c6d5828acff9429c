// The right column: who the visitor is, where they are now, and the pages they visited recently.

import type { ConversationSummary, VisitorProfile } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { conversationHref } from '../routes/route.ts';
import { isQueued } from '../state/conversations.ts';
import { visitorPanelShown } from '../state/layout.ts';
import { loadPageViews, workspace } from '../state/live.ts';
import { api } from '../transport/http.ts';
import { UrlLink } from './links.tsx';
import { RelativeTime } from './relative-time.tsx';
import { VisitorPrivacy } from './visitor-privacy.tsx';

/** On a narrow screen the panel shows over the conversation, opened from its header. */
function panelClass(): string {
  return `panel${visitorPanelShown.value ? ' panel--shown' : ''}`;
}

export function VisitorPanel({ conversationId }: { conversationId: string }) {
  const summary = workspace.summaryOf(conversationId);
  const visitorId = summary?.visitor.id;

  useEffect(() => {
    if (visitorId) void loadPageViews(visitorId);
  }, [visitorId]);

  // The verified id and the attributes the site set: they come with the visitor's own record.
  const [details, setDetails] = useState<VisitorProfile | null>(null);
  const name = summary?.visitor.name;
  useEffect(() => {
    setDetails(null);
    if (!visitorId) return;
    let current = true;
    api.visitor(visitorId).then(
      ({ visitor }) => current && setDetails(visitor),
      () => undefined, // the panel still shows what the conversation list knows
    );
    return () => {
      current = false;
    };
  }, [visitorId, name]);

  if (!summary) {
    return (
      <aside class={panelClass()} id="visitor-panel" aria-label="Visitor">
        <section class="panel__section">
          <p class="panel__muted">No details for this conversation.</p>
        </section>
      </aside>
    );
  }
  const pageViews = workspace.pageViews.value.get(summary.visitor.id);
  const page = summary.currentPage;

  return (
    <aside class={panelClass()} id="visitor-panel" aria-label="Visitor" data-testid="op-visitor-panel">
      <section class="panel__section">
        <div class="panel__top">
          <h2 class="panel__heading">Visitor</h2>
          <button
            type="button"
            class="button button--small button--quiet panel__close"
            onClick={() => {
              visitorPanelShown.value = false;
            }}
          >
            Close
          </button>
        </div>
        <dl class="facts">
          <dt>Name</dt>
          <dd data-testid="op-visitor-name">{summary.visitor.name ?? <span class="panel__muted">Not given</span>}</dd>
          <dt>Email</dt>
          <dd data-testid="op-visitor-email">{summary.visitor.email ?? <span class="panel__muted">Not given</span>}</dd>
          {details?.externalId && (
            <>
              <dt>Verified id</dt>
              <dd data-testid="op-visitor-verified-id">{details.externalId}</dd>
            </>
          )}
        </dl>
      </section>

      {details?.attributes && Object.keys(details.attributes).length > 0 && (
        <section class="panel__section">
          <h3 class="panel__heading">Attributes</h3>
          <dl class="facts">
            {Object.entries(details.attributes).map(([key, value]) => (
              <div key={key} class="facts__row" data-testid="op-visitor-attribute">
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section class="panel__section">
        <h3 class="panel__heading">Current page</h3>
        {page ? (
          <div class="page" data-testid="op-current-page">
            <span class="page__title">{page.title.trim() || 'Untitled page'}</span>
            <UrlLink class="page__url" url={page.url} />
          </div>
        ) : (
          <p class="panel__muted">Unknown</p>
        )}
      </section>

      <section class="panel__section">
        <h3 class="panel__heading">Operators</h3>
        <Members summary={summary} />
      </section>

      <section class="panel__section">
        <h3 class="panel__heading">Conversations</h3>
        <VisitorConversations summary={summary} />
      </section>

      {workspace.operator.value?.role === 'admin' && (
        <section class="panel__section" aria-labelledby="visitor-privacy-heading">
          <h3 class="panel__heading" id="visitor-privacy-heading">
            Privacy
          </h3>
          <VisitorPrivacy key={summary.visitor.id} visitorId={summary.visitor.id} />
        </section>
      )}

      <section class="panel__section">
        <h3 class="panel__heading">Recent pages</h3>
        {pageViews === undefined ? (
          <p class="panel__muted">Loading…</p>
        ) : pageViews.length === 0 ? (
          <p class="panel__muted">No pages recorded yet.</p>
        ) : (
          <ol class="page-list">
            {pageViews.map((view) => (
              <li key={`${view.viewedAt}|${view.url}`} class="page" data-testid="op-page-view">
                <span class="page__title">{view.title.trim() || 'Untitled page'}</span>
                <UrlLink class="page__url" url={view.url} />
                <RelativeTime class="page__time" iso={view.viewedAt} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}

function Members({ summary }: { summary: ConversationSummary }) {
  // After `/leave` or a transfer the summary kept here no longer counts this operator in.
  const left = workspace.departed.value.has(summary.id) && !workspace.conversations.value.has(summary.id);
  if (isQueued(summary)) {
    return (
      <p class="panel__muted" data-testid="op-members">
        {left ? 'You left this conversation.' : summary.status === 'closed' ? 'Nobody' : 'Waiting in the queue'}
      </p>
    );
  }
  const selfId = workspace.operator.value?.id;
  const team = workspace.team.value;
  return (
    <ul class="members" data-testid="op-members">
      {summary.memberIds.map((id) => (
        <li key={id}>
          {id === selfId ? 'You' : (team.find((member) => member.id === id)?.name ?? 'Another operator')}
          {id === summary.assignedOperatorId && <span class="panel__muted"> (assigned)</span>}
        </li>
      ))}
      {left && <li class="panel__muted">You left this conversation.</li>}
    </ul>
  );
}

function VisitorConversations({ summary }: { summary: ConversationSummary }) {
  const conversations = workspace.visitorHistory.byVisitor.value.get(summary.visitor.id);
  if (conversations === undefined) return <p class="panel__muted">Loading…</p>;
  const others = conversations.filter((conversation) => conversation.id !== summary.id);
  if (others.length === 0) return <p class="panel__muted">This is their first conversation.</p>;
  return (
    <ol class="visitor-conversations">
      {others.map((conversation) => (
        <li key={conversation.id}>
          <a
            class="visitor-conversations__link"
            href={conversationHref(conversation.id)}
            data-testid="op-visitor-conversation"
            data-conversation-id={conversation.id}
          >
            <span>
              <RelativeTime class="visitor-conversations__when" iso={conversation.createdAt} />
              <span class="panel__muted"> · {conversation.status === 'closed' ? 'Resolved' : 'Open'}</span>
            </span>
            {conversation.lastMessage && (
              <span class="visitor-conversations__preview">{conversation.lastMessage.body}</span>
            )}
          </a>
        </li>
      ))}
    </ol>
  );
}
