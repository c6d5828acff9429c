// A site's working hours and away message: set by an admin on create and update, refused clearly when wrong.

import type { SiteBody, SiteDetails, SiteList } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, call, refused } from './away-harness.ts';
import { type TestServer, createOperator, discard, loginCookie, startServer } from './harness.ts';

let server: TestServer;
let adminCookie: string;
beforeEach(async () => {
  server = await startServer();
  adminCookie = await loginCookie(server, (await createOperator(server, 'Ada', 'admin')).email);
});
afterEach(async () => {
  await discard(server);
});

const asAdmin = <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> =>
  call<T>(server, method, path, { cookie: adminCookie, origin: server.origin, body });

const siteRows = () => server.sql('SELECT * FROM sites ORDER BY id');

const officeHours = {
  timeZone: 'Europe/Paris',
  spans: [
    { day: 1, from: '09:00', to: '12:30' },
    { day: 1, from: '14:00', to: '18:00' },
    { day: 6, from: '10:00', to: '24:00' },
  ],
};

async function createSite(input: Record<string, unknown>): Promise<SiteDetails> {
  const created = await asAdmin<SiteBody>('POST', '/api/admin/sites', input);
  expect(created.status).toBe(201);
  return created.body.site;
}

describe('working hours and the away message', () => {
  it('default to always open in UTC, without a message of the site', async () => {
    const site = await createSite({ name: 'Bakery', allowedOrigins: ['https://bakery.example'] });
    expect(site.workingHours).toEqual({ timeZone: 'UTC', spans: null });
    expect(site.awayMessage).toBeNull();
  });

  it('are kept as given on create, and listed', async () => {
    const site = await createSite({
      name: 'Bakery',
      allowedOrigins: ['https://bakery.example'],
      workingHours: officeHours,
      awayMessage: '  Back at nine: leave your email and we write back.  ',
    });
    expect(site.workingHours).toEqual(officeHours);
    expect(site.awayMessage).toBe('Back at nine: leave your email and we write back.');
    const listed = await asAdmin<SiteList>('GET', '/api/admin/sites');
    expect(listed.body.sites.find((s) => s.id === site.id)).toMatchObject({
      workingHours: officeHours,
      awayMessage: 'Back at nine: leave your email and we write back.',
    });
  });

  it('change on update; a blank message is none, and fields not given stay', async () => {
    const site = await createSite({ name: 'Bakery', allowedOrigins: [], awayMessage: 'Closed' });
    const changed = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, { workingHours: officeHours });
    expect(changed.status).toBe(200);
    expect(changed.body.site).toMatchObject({ workingHours: officeHours, awayMessage: 'Closed' });

    const cleared = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, {
      awayMessage: '   ',
      workingHours: { timeZone: 'Asia/Tokyo', spans: [] },
    });
    expect(cleared.body.site).toMatchObject({ workingHours: { timeZone: 'Asia/Tokyo', spans: [] }, awayMessage: null });
    const [row] = await server.sql<{ working_hours: string; away_message: string | null }>(
      'SELECT working_hours, away_message FROM sites WHERE id = ?',
      site.id,
    );
    expect(JSON.parse(row?.working_hours ?? '')).toEqual({ timeZone: 'Asia/Tokyo', spans: [] });
    expect(row?.away_message).toBeNull();

    const always = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, {
      workingHours: { timeZone: 'UTC', spans: null },
      awayMessage: null,
    });
    expect(always.body.site).toMatchObject({ workingHours: { timeZone: 'UTC', spans: null }, awayMessage: null });
  });

  const span = (from: string, to: string, day = 1) => ({ day, from, to });
  const wrong: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown time zone', { workingHours: { timeZone: 'Mars/Olympus', spans: null } }, /time zone/],
    [
      'a span that ends before it starts',
      { workingHours: { timeZone: 'UTC', spans: [span('18:00', '09:00')] } },
      /ends after it starts/,
    ],
    ['an empty span', { workingHours: { timeZone: 'UTC', spans: [span('09:00', '09:00')] } }, /ends after it starts/],
    ['a day past Saturday', { workingHours: { timeZone: 'UTC', spans: [span('09:00', '17:00', 7)] } }, /Saturday/],
    ['a time without its leading zero', { workingHours: { timeZone: 'UTC', spans: [span('9:00', '17:00')] } }, /HH:MM/],
    ['25 o’clock', { workingHours: { timeZone: 'UTC', spans: [span('09:00', '25:00')] } }, /HH:MM/],
    [
      'more than 21 spans',
      { workingHours: { timeZone: 'UTC', spans: Array.from({ length: 22 }, (_, i) => span('09:00', '10:00', i % 7)) } },
      /at most 21 spans/,
    ],
    ['no spans field', { workingHours: { timeZone: 'UTC' } }, /spans/],
    ['an away message over 500 characters', { awayMessage: 'x'.repeat(501) }, /at most 500/],
  ];

  it.each(wrong)('refuse %s with a clear 400, on update and on create, storing nothing', async (_what, input, says) => {
    const site = await createSite({
      name: 'Bakery',
      allowedOrigins: [],
      workingHours: officeHours,
      awayMessage: 'Closed',
    });
    const before = await siteRows();

    const update = await asAdmin<{ error: { message: string } }>('PATCH', `/api/admin/sites/${site.id}`, {
      name: 'Renamed',
      ...input,
    });
    expect(refused(update)).toEqual({ status: 400, code: 'bad_request' });
    expect(update.body.error.message).toMatch(says);

    const create = await asAdmin('POST', '/api/admin/sites', { name: 'Other', allowedOrigins: [], ...input });
    expect(refused(create)).toEqual({ status: 400, code: 'bad_request' });
    expect(await siteRows()).toEqual(before);
  });
});
