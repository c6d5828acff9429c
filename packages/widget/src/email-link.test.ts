import { afterEach, describe, expect, it } from 'vitest';
import { followLink, withoutLink } from './email-link.ts';
import { linkToken } from './link-token.ts';
import { type SiteServer, startSiteServer } from './test-site-server.ts';

describe('a reply email’s link', () => {
  let server: SiteServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('finds the token in the fragment, and only there', () => {
    expect(linkToken('#livechat=abc234xyz')).toBe('abc234xyz');
    expect(linkToken('#other=abc')).toBeNull();
    expect(linkToken('#livechat=')).toBeNull();
    expect(linkToken('')).toBeNull();
    expect(withoutLink('https://shop.test/cart?x=1#livechat=abc')).toBe('https://shop.test/cart?x=1');
  });

  it('asks the server which conversation it opens, and tells an expired link apart', async () => {
    const link = { visitorId: 'v_1', token: 'visitor-token', conversationId: 'c_1' };
    server = await startSiteServer({ 'POST /api/sites/shop/conversation-link': { status: 200, body: link } });
    expect(await followLink(server.origin, 'shop', 'good')).toEqual(link);
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ token: 'good' });
    await server.close();
    server = await startSiteServer({
      'POST /api/sites/shop/conversation-link': {
        status: 410,
        body: { error: { code: 'token_invalid', message: 'this link has expired' } },
      },
    });
    expect(await followLink(server.origin, 'shop', 'old')).toBe('expired');
    expect(await followLink('http://127.0.0.1:9', 'shop', 'good')).toBeNull();
  });
});
