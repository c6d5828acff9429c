// The operator HTTP API: typed calls, and one error type carrying the server's code and status.

import type {
  ConversationList,
  ErrorCode,
  LoginInput,
  LoginResult,
  OperatorList,
  PageViewList,
} from '@livechat/protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code, or `network` when no response came back. */
    readonly code: ErrorCode | 'network',
    message: string,
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

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, authenticated = true): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (method === 'POST') {
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
  if (!response.ok) {
    const error = readError(payload);
    if (response.status === 401 && authenticated) onUnauthorized();
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? `Request failed (${response.status}).`);
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

const base = '/api/operator';

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
  conversations: () => request<ConversationList>('GET', `${base}/conversations`),
  pageViews: (visitorId: string, limit: number) =>
    request<PageViewList>('GET', `${base}/visitors/${encodeURIComponent(visitorId)}/page-views?limit=${limit}`),
  operators: () => request<OperatorList>('GET', `${base}/operators`),
};
