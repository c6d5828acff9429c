// Request and response bodies of the HTTP API, shared by the server and its clients.

import type { ConversationSummary, Message, OperatorProfile, PageView } from './model.ts';

/** POST /api/sites/:siteId/visitors → 201 */
export interface VisitorCreated {
  visitorId: string;
  /** Secret bearer token; the widget keeps it and sends it back as `Authorization: Bearer`. */
  token: string;
}

/** POST /api/sites/:siteId/page-views (bearer token) → 204 */
export interface PageViewInput {
  url: string;
  title?: string;
  referrer?: string;
}

/** GET /api/sites/:siteId/conversation (bearer token) → 200 */
export interface VisitorTranscript {
  conversation: { id: string; lastSeq: number } | null;
  messages: Message[];
}

/** POST /api/operator/login → 200, sets the session cookie */
export interface LoginInput {
  email: string;
  password: string;
}
export interface LoginResult {
  operator: OperatorProfile;
}

/** GET /api/operator/conversations → 200 */
export interface ConversationList {
  conversations: ConversationSummary[];
}

/** GET /api/operator/conversations/:id/messages?afterSeq=N → 200 */
export interface MessageList {
  messages: Message[];
  lastSeq: number;
}

/** GET /api/operator/visitors/:visitorId/page-views?limit=N → 200, newest first */
export interface PageViewList {
  pageViews: PageView[];
}

/** GET /api/operator/operators → 200 */
export interface OperatorList {
  operators: Array<Pick<OperatorProfile, 'id' | 'name' | 'email' | 'role'> & { online: boolean }>;
}
