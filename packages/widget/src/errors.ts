// The error the SDK's promises reject with and its `error` event carries: a code to branch on, a message for people.

import type { ChatErrorInfo } from './api.ts';

export class ChatError extends Error implements ChatErrorInfo {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

/** Reads the server's `{ error: { code, message } }` body, falling back to the HTTP status. */
export async function errorFromResponse(response: Response): Promise<ChatError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof code === 'string' && typeof message === 'string') return new ChatError(code, message);
  } catch {
    // Not JSON (a proxy's error page): the status is all there is.
  }
  return new ChatError('http_' + response.status, `the chat server answered HTTP ${response.status}`);
}
