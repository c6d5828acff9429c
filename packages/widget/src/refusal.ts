// When the server says this embed cannot work (unknown or archived site, page origin not allowed): the widget stops and tells the owner once.

import { ChatError } from './errors.ts';

/** The server's answers that no retry can change: only the site's owner can. */
export type RefusalCode = 'bad_origin' | 'not_found';

const REFUSALS: Record<number, RefusalCode> = { 403: 'bad_origin', 404: 'not_found' };

/**
 * The refusal in a site route's answer (GET …/widget, POST …/visitors), or null. Only the typed
 * body counts: a proxy's bare 403 or 404 may pass, and should not switch the chat off for good.
 */
export function refusalOf(status: number, body: unknown): ChatError | null {
  const code = REFUSALS[status];
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!code || error?.code !== code) return null;
  return new ChatError(code, typeof error.message === 'string' ? error.message : code);
}

export const isRefusal = (error: unknown): error is ChatError =>
  error instanceof ChatError && (error.code === 'bad_origin' || error.code === 'not_found');
