// The operator HTTP API: typed calls, and one error type carrying the server's code and status.

import type {
  CannedResponseBody,
  CannedResponseInput,
  CannedResponseList,
  CommandResultList,
  ErrorCode,
  HelpdeskTeam,
  LeadDetail,
  LeadList,
  LoginInput,
  LoginResult,
  ModuleSettingsBody,
  NotificationList,
  NotificationsReadInput,
  OperatorList,
  OutboxEmailBody,
  OutboxList,
  OutboxStatus,
  PageViewList,
  PreferencesInput,
  Report,
  TeamInput,
  TeamList,
  TicketDetail,
  TicketList,
  VisitorDetails,
} from '@livechat/protocol';
import { retryAfterMs, tooManyRequestsText } from '../state/rate-limits.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code, or `network` when no response came back. */
    readonly code: ErrorCode | 'network',
    message: string,
    /** With a 429: how long the server asked to wait (its `Retry-After`), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when an authenticated call gets 401: the session ended elsewhere or expired. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}
/** For calls made outside `request` (uploads): the session ended. */
export function unauthorized(): void {
  onUnauthorized();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `authenticated` false: a 401 is the answer to this form (a wrong password), not a session that ended. */
export async function request<T>(method: Method, path: string, body?: unknown, authenticated = true): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (method !== 'GET' && method !== 'DELETE') {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    throw new ApiError(429, 'rate_limited', tooManyRequestsText(wait), wait);
  }
  if (!response.ok) {
    const error = readError(payload);
    if (response.status === 401 && authenticated) onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `Request failed (${response.status}).`,
    );
  }
  return payload as T;
}

function readError(payload: unknown): { code: ErrorCode; message: string } | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  const { error } = payload;
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error && typeof error.code === 'string' ? (error.code as ErrorCode) : 'internal';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : 'Request failed.';
  return { code, message };
}

/** `?a=1&b=x` from the defined values only. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const base = '/api/operator';
const admin = '/api/admin';
const segment = encodeURIComponent;

export interface Page {
  offset?: number;
  limit?: number;
}

export const api = {
  /** Resolves to null when there is no valid session. */
  async me(): Promise<LoginResult | null> {
    try {
      return await request<LoginResult>('GET', `${base}/me`, undefined, false);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  login: (input: LoginInput) => request<LoginResult>('POST', `${base}/login`, input, false),
  logout: () => request<void>('POST', `${base}/logout`, {}, false),
  updatePreferences: (input: PreferencesInput) => request<LoginResult>('PATCH', `${base}/me`, input),
  commandResults: (conversationId: string) =>
    request<CommandResultList>('GET', `${base}/conversations/${segment(conversationId)}/command-results`),
  visitor: (visitorId: string) => request<VisitorDetails>('GET', `${base}/visitors/${segment(visitorId)}`),
  pageViews: (visitorId: string, limit: number) =>
    request<PageViewList>('GET', `${base}/visitors/${segment(visitorId)}/page-views?limit=${limit}`),
  operators: () => request<OperatorList>('GET', `${base}/operators`),

  tickets: (q: string, page: Page = {}) => request<TicketList>('GET', `${base}/tickets${query({ q, ...page })}`),
  ticket: (number: number) => request<TicketDetail>('GET', `${base}/tickets/${number}`),
  leads: (page: Page = {}) => request<LeadList>('GET', `${base}/leads${query({ ...page })}`),
  lead: (id: string) => request<LeadDetail>('GET', `${base}/leads/${segment(id)}`),

  modules: () => request<ModuleSettingsBody>('GET', `${base}/modules`),
  updateModules: (input: Partial<ModuleSettingsBody>) => request<ModuleSettingsBody>('PUT', `${admin}/modules`, input),
  teams: () => request<TeamList>('GET', `${base}/teams`),
  createTeam: (input: TeamInput) => request<{ team: HelpdeskTeam }>('POST', `${admin}/teams`, input),
  updateTeam: (id: string, input: Partial<TeamInput>) =>
    request<{ team: HelpdeskTeam }>('PATCH', `${admin}/teams/${segment(id)}`, input),
  deleteTeam: (id: string) => request<void>('DELETE', `${admin}/teams/${segment(id)}`),
  outbox: (status?: OutboxStatus) => request<OutboxList>('GET', `${admin}/outbox${query({ status })}`),
  retryOutboxEmail: (id: string) => request<OutboxEmailBody>('POST', `${admin}/outbox/${segment(id)}/retry`, {}),
  report: (days: Report['days']) => request<Report>('GET', `${admin}/reports?days=${days}`),

  cannedResponses: () => request<CannedResponseList>('GET', `${base}/canned-responses`),
  createCannedResponse: (input: CannedResponseInput) =>
    request<CannedResponseBody>('POST', `${base}/canned-responses`, input),
  updateCannedResponse: (id: string, input: Partial<CannedResponseInput>) =>
    request<CannedResponseBody>('PATCH', `${base}/canned-responses/${segment(id)}`, input),
  deleteCannedResponse: (id: string) => request<void>('DELETE', `${base}/canned-responses/${segment(id)}`),

  notifications: () => request<NotificationList>('GET', `${base}/notifications`),
  readNotifications: (input: NotificationsReadInput) =>
    request<{ unread: number }>('POST', `${base}/notifications/read`, input),
};
