import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from './storage.ts';
import { startSiteServer } from './test-site-server.ts';
import { createVisitorSession } from './visitor-session.ts';

const ORIGIN = 'https://chat.test';

/** A server that mints token-1, token-2… and accepts only the newest. */
function fakeServer() {
  let minted = 0;
  const calls: { url: string; auth: string | null }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const auth = (init.headers as Record<string, string> | undefined)?.authorization ?? null;
    calls.push({ url, auth });
    if (url.endsWith('/visitors')) {
      minted++;
      return new Response(JSON.stringify({ visitorId: `v${minted}`, token: `token-${minted}` }), { status: 201 });
    }
    return new Response(null, { status: auth === `Bearer token-${minted}` ? 204 : 401 });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, minted: () => minted };
}

describe('visitor session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('mints one token for concurrent first requests and keeps it', async () => {
    const server = fakeServer();
    const storage = memoryStore();
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    await Promise.all([session.fetch('/page-views', { method: 'POST' }), session.token()]);
    expect(server.minted()).toBe(1);
    expect(storage.get('livechat:site-1:token')).toBe('token-1');
    expect(storage.get('livechat:site-1:visitor')).toBe('v1');
    expect(server.calls.at(-1)).toEqual({ url: `${ORIGIN}/api/sites/site-1/page-views`, auth: 'Bearer token-1' });
  });

  it('on 429 waits as long as Retry-After says, then sends once more, minting included', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      let limited = 1;
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => {
          calls.push(url.slice(url.lastIndexOf('/')));
          if (limited-- > 0) return new Response('{}', { status: 429, headers: { 'retry-after': '2' } });
          if (url.endsWith('/visitors'))
            return new Response(JSON.stringify({ visitorId: 'v1', token: 't1' }), { status: 201 });
          return new Response(null, { status: 204 });
        }),
      );
      const session = createVisitorSession(ORIGIN, 'site-1', memoryStore());
      const token = session.token();
      await vi.advanceTimersByTimeAsync(1999);
      expect(calls).toEqual(['/visitors']);
      await vi.advanceTimersByTimeAsync(1);
      expect(await token).toBe('t1');
      // A page view answered 429 also waits, then goes once more.
      limited = 1;
      const response = session.fetch('/page-views', { method: 'POST' });
      await vi.advanceTimersByTimeAsync(2000);
      expect((await response).status).toBe(204);
      expect(calls).toEqual(['/visitors', '/visitors', '/page-views', '/page-views']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on 401 drops the token, mints a new one and retries once', async () => {
    const server = fakeServer();
    const storage = memoryStore();
    storage.set('livechat:site-1:token', 'revoked');
    storage.set('livechat:site-1:conversation', 'conv-old');
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    const response = await session.fetch('/page-views', { method: 'POST' });
    expect(response.status).toBe(204);
    expect(server.calls.map((c) => c.auth)).toEqual(['Bearer revoked', null, 'Bearer token-1']);
    expect(storage.get('livechat:site-1:conversation')).toBeNull();
  });

  it('two requests failing with the same old token create only one new visitor', async () => {
    const server = fakeServer();
    const storage = memoryStore();
    storage.set('livechat:site-1:token', 'revoked');
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    await Promise.all([session.renew('revoked'), session.renew('revoked')]);
    expect(await session.renew('revoked')).toBe('token-1');
    expect(server.minted()).toBe(1);
  });

  it('reports a failed mint instead of inventing a token', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 403 })),
    );
    const session = createVisitorSession(ORIGIN, 'site-1', memoryStore());
    await expect(session.token()).rejects.toThrow('HTTP 403');
  });

  it('stops asking for a token once the server refuses this page (bad_origin), and says why', async () => {
    const server = await startSiteServer({
      'POST /api/sites/shop/visitors': {
        status: 403,
        body: { error: { code: 'bad_origin', message: 'this origin may not use the site' } },
      },
    });
    try {
      const session = createVisitorSession(server.origin, 'shop', memoryStore());
      await expect(session.token()).rejects.toMatchObject({ code: 'bad_origin' });
      await expect(session.fetch('/page-views', { method: 'POST' })).rejects.toMatchObject({ code: 'bad_origin' });
      await expect(session.renew('anything')).rejects.toMatchObject({ code: 'bad_origin' });
      expect(server.requests).toEqual(['POST /api/sites/shop/visitors']);
    } finally {
      await server.close();
    }
  });

  it('does not keep a token minted for a visitor forgotten meanwhile', async () => {
    const server = fakeServer();
    const storage = memoryStore();
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    const first = session.token();
    session.forget();
    expect(await first).toBe('token-1');
    expect(storage.get('livechat:site-1:token')).toBeNull();
    expect(await session.token()).toBe('token-2');
    expect(storage.get('livechat:site-1:token')).toBe('token-2');
    expect(server.minted()).toBe(2);
  });

  it('adopts a contact’s token, forgetting everything of the previous visitor', async () => {
    fakeServer();
    const storage = memoryStore();
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    await session.token();
    storage.set('livechat:site-1:conversation', 'conv-1');
    storage.set('livechat:site-1:outbox', '[]');
    session.adopt('contact-token', 'contact-visitor');
    expect(await session.token()).toBe('contact-token');
    expect(session.visitorId()).toBe('contact-visitor');
    expect(storage.get('livechat:site-1:conversation')).toBeNull();
    expect(storage.get('livechat:site-1:outbox')).toBeNull();
  });

  it('after forget(), starts over as a new anonymous visitor', async () => {
    const server = fakeServer();
    const storage = memoryStore();
    const session = createVisitorSession(ORIGIN, 'site-1', storage);
    expect(await session.token()).toBe('token-1');
    session.forget();
    expect(session.visitorId()).toBeNull();
    expect(await session.token()).toBe('token-2');
    expect(server.minted()).toBe(2);
  });
});
