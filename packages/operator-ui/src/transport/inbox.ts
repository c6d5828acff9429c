// HTTP calls of the inbox: the session check, views and counts, search, resolving, assigning, status, alerts.

import type {
  AlertPreferences,
  AssignInput,
  ConversationBody,
  ConversationPage,
  InboxCounts,
  InboxView,
  LoginResult,
  OperatorList,
  OperatorProfile,
  SearchResultPage,
  StatusInput,
  VisitorConversationList,
} from '@livechat/protocol';
import { ApiError, api, request } from './http.ts';

const base = '/api/operator';
const segment = encodeURIComponent;

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Who is signed in. `/session` is never a 401 (signed out is `{ operator: null }`), so a signed-out
 * load logs no failed request; a server older than it answers 404, and `/me` tells instead.
 */
async function session(): Promise<{ operator: OperatorProfile | null }> {
  try {
    return await request<{ operator: OperatorProfile | null }>('GET', `${base}/session`, undefined, false);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    return { operator: (await api.me())?.operator ?? null };
  }
}

export const inboxApi = {
  session,
  conversations: (view: InboxView, cursor: string | null, limit: number) =>
    request<ConversationPage>('GET', `${base}/conversations${query({ view, limit, cursor })}`),
  counts: () => request<InboxCounts>('GET', `${base}/conversations/counts`),
  search: (q: string, cursor: string | null) =>
    request<SearchResultPage>('GET', `${base}/search${query({ q, cursor })}`),
  resolve: (conversationId: string) =>
    request<ConversationBody>('POST', `${base}/conversations/${segment(conversationId)}/resolve`, {}),
  assign: (conversationId: string, input: AssignInput) =>
    request<ConversationBody>('POST', `${base}/conversations/${segment(conversationId)}/assign`, input),
  operators: () => request<OperatorList>('GET', `${base}/operators`),
  setStatus: (input: StatusInput) => request<StatusInput>('PUT', `${base}/me/status`, input),
  visitorConversations: (visitorId: string) =>
    request<VisitorConversationList>('GET', `${base}/visitors/${segment(visitorId)}/conversations`),
  saveAlerts: (alerts: Partial<AlertPreferences>) => request<LoginResult>('PATCH', `${base}/me`, { alerts }),
};
