// The left column: search, the views with their counts, and the chosen view's conversations drawn as a window.

import type { ConversationSummary } from '@livechat/protocol';
import { loadView } from '../state/inbox-live.ts';
import { workspace } from '../state/live.ts';
import { CONVERSATION_ROW_HEIGHT, ConversationRow } from './list/conversation-row.tsx';
import { SearchBox } from './list/search-box.tsx';
import { SearchResults } from './list/search-results.tsx';
import { ViewTabs } from './list/view-tabs.tsx';
import { WindowedRows } from './list/windowed-rows.tsx';

const EMPTY: Record<string, string> = {
  mine: 'Nothing assigned to you. New chats appear here.',
  unassigned: 'Nobody is waiting in the queue.',
  mentions: 'No unread mentions.',
  resolved: 'No resolved conversations yet.',
  all: 'No open conversations.',
};

export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const searching = workspace.search.query.value.trim() !== '';
  return (
    <nav class="sidebar" aria-labelledby="conversations-heading" data-loaded={workspace.views.loaded.value}>
      <div class="sidebar__head">
        <h2 id="conversations-heading" class="visually-hidden">
          Conversations
        </h2>
        <SearchBox />
        {!searching && <ViewTabs />}
      </div>
      {searching ? <SearchResults /> : <ViewRows selectedId={selectedId} />}
    </nav>
  );
}

function ViewRows({ selectedId }: { selectedId: string | null }) {
  const views = workspace.views;
  const ids = views.ids.value;
  const known = workspace.conversations.value;
  const rows = ids.map((id) => known.get(id)).filter((row): row is ConversationSummary => row !== undefined);
  if (rows.length === 0) {
    return (
      <p class="sidebar__empty" data-testid="op-view-empty">
        {views.loaded.value ? EMPTY[views.view.value] : 'Loading…'}
      </p>
    );
  }
  return <ConversationRows rows={rows} selectedId={selectedId} onNearEnd={() => void loadView(true)} />;
}

/** The rows alone, so that a test can draw ten thousand of them. */
export function ConversationRows({
  rows,
  selectedId,
  onNearEnd,
}: {
  rows: readonly ConversationSummary[];
  selectedId: string | null;
  onNearEnd?: () => void;
}) {
  return (
    <WindowedRows
      items={rows}
      rowHeight={CONVERSATION_ROW_HEIGHT}
      keyOf={(row) => row.id}
      label="Conversations"
      onNearEnd={onNearEnd}
      renderRow={(row) => <ConversationRow conversation={row} selected={row.id === selectedId} />}
      footer={
        workspace.views.loading.value && workspace.views.loaded.value ? (
          <p class="rows__loading" role="status">
            Loading more…
          </p>
        ) : null
      }
    />
  );
}
