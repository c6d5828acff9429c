// The conversation list's views (mine, unassigned, mentions, resolved, all): which one is shown, its pages and counts.

import { batch, signal } from '@preact/signals';
import type { ConversationPage, ConversationSummary, InboxCounts, InboxView } from '@livechat/protocol';
import { lastActivity } from './conversations.ts';

export const VIEWS: ReadonlyArray<{ view: InboxView; label: string; adminOnly?: boolean }> = [
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'mentions', label: 'Mentions' },
  { view: 'resolved', label: 'Resolved' },
  { view: 'all', label: 'All', adminOnly: true },
];

/**
 * Whether a conversation seen in a live frame belongs in a view, as far as the client can tell:
 * `null` when only the server knows (an unread mention), so the row is left where it is.
 */
export function belongsTo(view: InboxView, conversation: ConversationSummary, selfId: string | null): boolean | null {
  const open = conversation.status === 'open';
  switch (view) {
    case 'mine':
      return (
        open &&
        selfId !== null &&
        (conversation.assignedOperatorId === selfId || conversation.memberIds.includes(selfId))
      );
    case 'unassigned':
      return open && conversation.memberIds.length === 0;
    case 'resolved':
      return !open;
    case 'all':
      return open;
    case 'mentions':
      return null;
  }
}

/** `ids` without `id`, and with it placed by its last activity among the others (they are newest first). */
export function placeByActivity(ids: readonly string[], id: string, activityOf: (id: string) => number): string[] {
  const rest = ids.filter((other) => other !== id);
  const at = activityOf(id);
  const index = rest.findIndex((other) => activityOf(other) <= at);
  if (index < 0) rest.push(id);
  else rest.splice(index, 0, id);
  return rest;
}

export class ConversationViews {
  readonly view = signal<InboxView>('mine');
  /** The shown view's conversations in order, newest activity first. */
  readonly ids = signal<readonly string[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly counts = signal<InboxCounts | null>(null);

  /** Starts over on another view; the caller fetches its first page. */
  switchTo(view: InboxView): void {
    batch(() => {
      this.view.value = view;
      this.ids.value = [];
      this.nextCursor.value = null;
      this.loaded.value = false;
    });
  }

  /** A fetched page: the first one replaces the list, later ones extend it. */
  addPage(page: ConversationPage, first: boolean): void {
    batch(() => {
      const known = first ? [] : this.ids.value;
      const seen = new Set(known);
      const fresh = page.conversations.map((conversation) => conversation.id).filter((id) => !seen.has(id));
      this.ids.value = [...known, ...fresh];
      this.nextCursor.value = page.nextCursor;
      this.loaded.value = true;
    });
  }

  /** A live change: the row moves by its activity, arrives, or leaves the view. */
  place(conversation: ConversationSummary, selfId: string | null, activityOf: (id: string) => number): void {
    const belongs = belongsTo(this.view.value, conversation, selfId);
    const present = this.ids.value.includes(conversation.id);
    if (belongs === false) {
      if (present) this.drop(conversation.id);
      return;
    }
    if (belongs === null && !present) return;
    this.ids.value = placeByActivity(this.ids.value, conversation.id, (id) =>
      id === conversation.id ? lastActivity(conversation) : activityOf(id),
    );
  }

  drop(conversationId: string): void {
    if (!this.ids.value.includes(conversationId)) return;
    this.ids.value = this.ids.value.filter((id) => id !== conversationId);
  }

  reset(): void {
    batch(() => {
      this.switchTo('mine');
      this.counts.value = null;
      this.loading.value = false;
    });
  }
}
