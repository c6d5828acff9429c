// The inbox's views (Mine, Unassigned, Mentions, Resolved, All) as pages and counts, each filtered to
// what the operator may read, paged by an opaque cursor.

import type { InboxCounts, InboxView, OperatorProfile } from '@livechat/protocol';
import type { Conversation } from './repository.ts';

/** No view: mine and unassigned together, as the list was before views. */
export type ViewName = InboxView | 'listed';

export interface ViewPage {
  conversations: Conversation[];
  nextCursor: string | null;
}

export interface InboxViews {
  page(operator: OperatorProfile, view: ViewName, limit: number, cursor: string | null): Promise<ViewPage>;
  counts(operator: OperatorProfile): Promise<InboxCounts>;
}
