// The server said "too fast" (a `rate_limited` frame or an HTTP 429): until when, and the text it did not take.

import { signal } from '@preact/signals';

/** When the server gives no hint, wait this long before the composer offers to send again. */
export const DEFAULT_RETRY_MS = 5_000;

export interface RateLimit {
  until: number;
  /** What the operator wrote that was not sent, for the composer to put back; null once taken. */
  unsent: string | null;
}

/** Whole seconds, at least one: "try again in 0 s" would be read as "now" and refused again. */
export function retrySeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function rateLimitedText(seconds: number): string {
  return `You are sending too fast; try again in ${seconds} s.`;
}

/** An HTTP 429's message, with the server's `Retry-After` when it gave one. */
export function tooManyRequestsText(waitMs: number | null): string {
  return waitMs === null
    ? 'Too many requests; wait a moment and try again.'
    : `Too many requests; try again in ${retrySeconds(waitMs)} s.`;
}

/**
 * Reads an HTTP `Retry-After` (seconds, or a date) as milliseconds from `now`; null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class RateLimits {
  readonly byConversation = signal<ReadonlyMap<string, RateLimit>>(new Map());

  /** Several refused sends in a row give back all their text, oldest first. */
  limit(conversationId: string, waitMs: number | undefined, unsent: string | null, now = Date.now()): void {
    const current = this.byConversation.value.get(conversationId);
    const until = Math.max(current?.until ?? 0, now + (waitMs ?? DEFAULT_RETRY_MS));
    const texts = [current?.unsent, unsent].filter((text): text is string => typeof text === 'string' && text !== '');
    const next = new Map(this.byConversation.value);
    next.set(conversationId, { until, unsent: texts.length > 0 ? texts.join('\n') : null });
    this.byConversation.value = next;
  }

  /** The limit still running for a conversation, or null. */
  active(conversationId: string, now = Date.now()): RateLimit | null {
    const limit = this.byConversation.value.get(conversationId);
    return limit && limit.until > now ? limit : null;
  }

  /** Hands the refused text to the composer once. */
  takeUnsent(conversationId: string): string | null {
    const limit = this.byConversation.value.get(conversationId);
    if (!limit?.unsent) return null;
    const next = new Map(this.byConversation.value);
    next.set(conversationId, { ...limit, unsent: null });
    this.byConversation.value = next;
    return limit.unsent;
  }

  clear(conversationId: string): void {
    if (!this.byConversation.value.has(conversationId)) return;
    const next = new Map(this.byConversation.value);
    next.delete(conversationId);
    this.byConversation.value = next;
  }

  reset(): void {
    this.byConversation.value = new Map();
  }
}
