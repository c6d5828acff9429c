// Messages the visitor wrote that the server has not acknowledged yet, kept in storage across reloads.

import type { Attachment } from '@livechat/protocol';
import type { KeyValueStore } from './storage.ts';

export interface OutboxItem {
  /** The idempotency key the message is sent (and resent) with. */
  clientId: string;
  body: string;
  /** Uploaded files sent with it (their ids go in the frame), shown while it waits. */
  attachments?: Attachment[];
  /** ISO 8601 time the visitor pressed send. */
  createdAt: string;
  /** Set when the server refused the message; such items wait for the visitor to retry. */
  error?: string;
}

/** Reads stored items, ignoring anything that is not one (storage is shared with the host page). */
export function parseOutbox(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is OutboxItem =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.clientId === 'string' &&
        typeof item.body === 'string' &&
        typeof item.createdAt === 'string' &&
        (item.attachments === undefined || Array.isArray(item.attachments)) &&
        (item.error === undefined || typeof item.error === 'string'),
    );
  } catch {
    return [];
  }
}

/**
 * Every change re-reads storage first, so two tabs of the same site add and remove their own
 * items without overwriting each other's. Resending another tab's item is harmless: the server
 * stores each clientId once.
 */
export class Outbox {
  constructor(
    private readonly storage: KeyValueStore,
    private readonly key: string,
  ) {}

  items(): OutboxItem[] {
    return parseOutbox(this.storage.get(this.key));
  }

  add(item: OutboxItem): OutboxItem[] {
    return this.write((items) => (items.some((i) => i.clientId === item.clientId) ? items : [...items, item]));
  }

  remove(clientIds: Iterable<string>): OutboxItem[] {
    const gone = new Set(clientIds);
    return this.write((items) => items.filter((item) => !gone.has(item.clientId)));
  }

  /** Marks an item refused (with the reason) or, with no reason, ready to send again. */
  setError(clientId: string, error: string | undefined): OutboxItem[] {
    return this.write((items) =>
      items.map((item) => {
        if (item.clientId !== clientId) return item;
        const { error: _previous, ...rest } = item;
        return error === undefined ? rest : { ...rest, error };
      }),
    );
  }

  private write(change: (items: OutboxItem[]) => OutboxItem[]): OutboxItem[] {
    const items = change(this.items());
    if (items.length) this.storage.set(this.key, JSON.stringify(items));
    else this.storage.remove(this.key);
    return items;
  }
}
