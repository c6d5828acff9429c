// Deleting what is stored about visitors: one visitor on request (erase), and old conversations and
// page views per site (retention). Tickets and leads made from a deleted conversation stay, redacted.

export interface Erased {
  conversationIds: string[];
  messages: number;
  pageViews: number;
  /** Tickets and leads that kept a redacted reference. */
  redactedRecords: number;
  /** Hashes of files no upload names any more: their bytes go once the erase is committed. */
  unnamedFiles: string[];
}

export interface ConversationsDeleted {
  /** Each deleted conversation with its visitor, so that their sockets and lists hear of it. */
  conversations: Array<{ id: string; visitorId: string }>;
  messages: number;
  redactedRecords: number;
  /** As in Erased: the bytes to delete after the commit. */
  unnamedFiles: string[];
}

export interface VisitorDataRepository {
  /** When the visitor was first seen; null when there is no such visitor. */
  visitorCreatedAt(visitorId: string): Promise<string | null>;
  /**
   * Deletes the visitor (contact details, tokens, page views, uploads) with their conversations and
   * everything about them, their files too, in one transaction; null when there is no such visitor.
   */
  eraseVisitor(visitorId: string): Promise<Erased | null>;
  /** Deletes the site's conversations closed before `closedBefore`, at most `limit` of them, with their files. */
  deleteClosedConversations(siteId: string, closedBefore: string, limit: number): Promise<ConversationsDeleted>;
  /** Deletes the site's page views older than `before`; how many. */
  deletePageViews(siteId: string, before: string): Promise<number>;
}
