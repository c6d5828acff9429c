// The visitor's identity: a server-minted bearer token kept in storage, renewed when the server rejects it.

import type { VisitorCreated } from '@livechat/protocol';
import type { ChatError } from './errors.ts';
import { fetchAfterLimit } from './limits.ts';
import { refusalOf } from './refusal.ts';
import { type KeyValueStore, type StoredItem, storageKey } from './storage.ts';

export interface VisitorSession {
  /**
   * The stored token, or a freshly minted one when there is none. Rejects with a ChatError
   * (`bad_origin`, `not_found`) when the server refuses to mint for this page, and then never asks again.
   */
  token(): Promise<string>;
  /**
   * Replaces a token the server rejected. Only the first caller holding that token mints a new
   * one; later callers get the replacement, so two failing requests never create two visitors.
   */
  renew(rejected: string): Promise<string>;
  /** An authenticated request to the site's API (`/page-views`); a 401 renews the token and retries once. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Switches to a token the server issued for another visitor (a known contact): their conversation, not ours. */
  adopt(token: string, visitorId: string): void;
  /** Forgets the visitor on this browser; the next token() mints a new anonymous one. */
  forget(): void;
  /** The visitor id that goes with the stored token, if any. */
  visitorId(): string | null;
}

/** What belongs to one visitor and must go when the browser stops being that visitor. */
const VISITOR_ITEMS: readonly StoredItem[] = ['token', 'visitor', 'conversation', 'read', 'outbox', 'prechat'];

export function createVisitorSession(origin: string, siteId: string, storage: KeyValueStore): VisitorSession {
  const key = (item: StoredItem) => storageKey(siteId, item);
  const api = `${origin}/api/sites/${encodeURIComponent(siteId)}`;
  let minting: Promise<string> | null = null;
  let refusal: ChatError | null = null;
  /** Counts forget() calls: a token minted for a visitor forgotten meanwhile is not stored. */
  let generation = 0;

  const mint = (): Promise<string> => {
    if (refusal) return Promise.reject(refusal);
    const mintedFor = generation;
    return (minting ??= (async () => {
      try {
        const response = await fetchAfterLimit(() => fetch(`${api}/visitors`, { method: 'POST' }));
        if (response.status !== 201) {
          throw (
            (refusal = refusalOf(response.status, await response.json().catch(() => null))) ??
            new Error(`HTTP ${response.status}`)
          );
        }
        const created = (await response.json()) as VisitorCreated;
        if (mintedFor === generation) {
          storage.set(key('token'), created.token);
          storage.set(key('visitor'), created.visitorId);
        }
        return created.token;
      } finally {
        // After forget(), `minting` belongs to the next visitor's request.
        if (mintedFor === generation) minting = null;
      }
    })());
  };

  const token = async (): Promise<string> => storage.get(key('token')) ?? mint();

  const renew = async (rejected: string): Promise<string> => {
    const current = storage.get(key('token'));
    if (current !== null && current !== rejected) return current;
    if (minting) return minting;
    // The old identity is gone: its conversation and read marker no longer apply.
    storage.remove(key('token'));
    storage.remove(key('conversation'));
    storage.remove(key('read'));
    return mint();
  };

  const send = (bearer: string, path: string, init: RequestInit): Promise<Response> =>
    fetchAfterLimit(() =>
      fetch(api + path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${bearer}` },
      }),
    );

  const forget = () => {
    generation++;
    minting = null;
    for (const item of VISITOR_ITEMS) storage.remove(key(item));
  };

  return {
    token,
    renew,
    forget,
    adopt(token, visitorId) {
      forget();
      storage.set(key('token'), token);
      storage.set(key('visitor'), visitorId);
    },
    visitorId: () => storage.get(key('visitor')),
    async fetch(path, init = {}) {
      const first = await token();
      const response = await send(first, path, init);
      if (response.status !== 401) return response;
      return send(await renew(first), path, init);
    },
  };
}
