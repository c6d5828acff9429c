// Browser storage for the widget's few keys, falling back to memory where localStorage is blocked.

/** The subset of localStorage the widget uses, so tests can pass a plain in-memory store. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** Everything the widget keeps per site: the visitor's token and id, their open conversation, unsent messages, read marker, the pre-chat form answered. */
export type StoredItem = 'token' | 'visitor' | 'conversation' | 'outbox' | 'read' | 'prechat';

export function storageKey(siteId: string, item: StoredItem): string {
  return `livechat:${siteId}:${item}`;
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/**
 * localStorage throws in sandboxed iframes, with cookies disabled and when full; the widget then
 * still works for the current page, it just forgets the visitor on reload.
 */
export function browserStore(): KeyValueStore {
  const fallback = memoryStore();
  const attempt = (action: (storage: Storage) => void): boolean => {
    try {
      action(localStorage);
      return true;
    } catch {
      return false;
    }
  };
  return {
    get(key) {
      let value = fallback.get(key);
      if (value === null) attempt((s) => (value = s.getItem(key)));
      return value;
    },
    set(key, value) {
      if (attempt((s) => s.setItem(key, value))) fallback.remove(key);
      else fallback.set(key, value);
    },
    remove(key) {
      fallback.remove(key);
      attempt((s) => s.removeItem(key));
    },
  };
}
