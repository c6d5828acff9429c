import { afterEach, describe, expect, it } from 'vitest';
import { askSite, siteSettings, withSiteSettings } from './site-config.ts';
import { type SiteServer, startSiteServer } from './test-site-server.ts';

const widget = { color: '#0f766e', position: 'left', title: 'Help desk', greeting: 'Hello!', locale: 'fr' } as const;

describe('site settings', () => {
  let server: SiteServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads the server’s widget settings from its answer, once per page', async () => {
    server = await startSiteServer({
      'GET /api/sites/shop%201/widget': { status: 200, body: { siteName: 'Shop', widget } },
    });
    const answer = await askSite(server.origin, 'shop 1');
    expect(answer).toEqual({ status: 200, body: { siteName: 'Shop', widget } });
    expect(siteSettings(answer)).toEqual(widget);
    expect(server.requests).toEqual(['GET /api/sites/shop%201/widget']);
  });

  it('answers null when the server cannot be read, and takes no settings from a refusal', async () => {
    server = await startSiteServer({});
    const refused = await askSite(server.origin, 'gone');
    expect(refused?.status).toBe(404);
    expect(siteSettings(refused)).toEqual({});
    await server.close();
    expect(await askSite(server.origin, 'gone')).toBeNull();
    server = undefined;
    expect(siteSettings(null)).toEqual({});
    expect(siteSettings({ status: 200, body: 'not an object' })).toEqual({});
  });

  it('lets the page win over each field it sets, and fills the others from the server', () => {
    const page = { color: '#112233', title: 'Ask us', open: '' };
    expect(withSiteSettings(widget, page)).toEqual({
      color: '#112233',
      title: 'Ask us',
      open: '',
      position: 'left',
      greeting: 'Hello!',
      locale: 'fr',
    });
  });

  it('keeps defaults where neither says anything, and takes nothing but the widget fields from the server', () => {
    const server = { color: null, position: 'right', title: null, greeting: null, locale: null, open: true } as const;
    expect(withSiteSettings(server, {})).toEqual({ position: 'right' });
    // `undefined` in LiveChatSettings says nothing, so the server's value stays.
    expect(withSiteSettings(widget, { color: undefined })).toMatchObject({ color: '#0f766e' });
  });
});
