// Settings → Reports as an admin reads it: conversations, first responses, resolutions and ratings of the last
// 7 and 30 days, for the team, per operator and per site, from conversations made through the real server.

import type { OperatorProfile, OperatorReport, Report, ReportFigures, SiteReport } from '@livechat/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, call, refused } from './away-harness.ts';
import {
  SITE_ORIGIN,
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  setAvailability,
  startServer,
} from './harness.ts';
import { type Story, type Teller, tell } from './reports-harness.ts';

const DAY = 24 * 3600;
const BAKERY = { id: 'bakery', origin: 'http://bakery.test' };
const SHOP = { id: 'shop', origin: SITE_ORIGIN };

let server: TestServer;
let ada: OperatorProfile;
let alice: OperatorProfile;
let bob: OperatorProfile;
let adminCookie: string;

/**
 * Alice answers three shop conversations in 20, 40 and 100 s (two resolved, after 300 and 600 s, rated good
 * and bad) and one ten days ago in 5 s; Bob answers a shop one in 60 s (resolved after 120 s, rated okay), a
 * bakery one in 10 s (resolved after 900 s, rated good), and leaves one bakery conversation unanswered.
 */
beforeAll(async () => {
  server = await startServer();
  await server.app.store.sites.save({ id: BAKERY.id, name: 'Bakery', allowedOrigins: [BAKERY.origin] });
  ada = await createOperator(server, 'Ada', 'admin');
  alice = await createOperator(server, 'Alice');
  bob = await createOperator(server, 'Bob');
  adminCookie = await loginCookie(server, ada.email);
  const base = Date.now() - DAY * 1000;

  const aliceTeller: Teller = {
    server,
    site: SHOP,
    base,
    operator: { profile: alice, socket: await connectOperator(server, alice) },
  };
  await tell(aliceTeller, { answerAfter: 20, resolvedAfter: 300, rating: 'good' });
  await tell(aliceTeller, { answerAfter: 40, resolvedAfter: 600, rating: 'bad' });
  await tell(aliceTeller, { answerAfter: 100 });
  await tell(aliceTeller, { at: -9 * DAY, answerAfter: 5, resolvedAfter: 3600 });

  // Alice steps away: what comes next goes to Bob.
  await setAvailability(server, alice, 'away');
  const bobSocket = await connectOperator(server, bob);
  const bobStory = (site: Teller['site'], story: Story) =>
    tell({ server, site, base, operator: { profile: bob, socket: bobSocket } }, story);
  await bobStory(SHOP, { answerAfter: 60, resolvedAfter: 120, rating: 'okay' });
  await bobStory(BAKERY, { answerAfter: 10, resolvedAfter: 900, rating: 'good' });
  await bobStory(BAKERY, { answerAfter: null });
});
afterAll(async () => {
  await discard(server);
});

const report = (days: string, cookie = adminCookie): Promise<Answer<Report>> =>
  call<Report>(server, 'GET', `/api/admin/reports?days=${days}`, { cookie });

const none: ReportFigures = {
  conversations: 0,
  answered: 0,
  firstResponseMedianSeconds: null,
  firstResponseP90Seconds: null,
  resolutionMedianSeconds: null,
  ratings: { good: 0, okay: 0, bad: 0 },
};
const operatorRow = (body: Report, name: string): OperatorReport | undefined =>
  body.operators.find((row) => row.name === name);
const siteRow = (body: Report, name: string): SiteReport | undefined => body.sites.find((row) => row.name === name);

describe('the last 7 days', () => {
  it('sum up the team: every conversation, the answered ones, the middle and slow first responses, resolutions, ratings', async () => {
    const answer = await report('7');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.days).toBe(7);
    expect(Date.parse(answer.body.to) - Date.parse(answer.body.from)).toBe(7 * DAY * 1000);
    expect(answer.body.totals).toEqual({
      conversations: 6,
      answered: 5,
      // Waits 10, 20, 40, 60, 100.
      firstResponseMedianSeconds: 40,
      firstResponseP90Seconds: 100,
      // Resolutions 120, 300, 600, 900: the mean of the middle two.
      resolutionMedianSeconds: 450,
      ratings: { good: 2, okay: 1, bad: 1 },
    } satisfies ReportFigures);
  });

  it('give each operator the conversations assigned to them, and list those without any too', async () => {
    const { body } = await report('7');
    expect(body.operators.map((row) => row.name)).toEqual(['Ada', 'Alice', 'Bob']);
    expect(operatorRow(body, 'Alice')).toEqual({
      operatorId: alice.id,
      name: 'Alice',
      conversations: 3,
      answered: 3,
      firstResponseMedianSeconds: 40,
      firstResponseP90Seconds: 100,
      resolutionMedianSeconds: 450,
      ratings: { good: 1, okay: 0, bad: 1 },
    } satisfies OperatorReport);
    expect(operatorRow(body, 'Bob')).toEqual({
      operatorId: bob.id,
      name: 'Bob',
      conversations: 3,
      answered: 2,
      firstResponseMedianSeconds: 35,
      firstResponseP90Seconds: 60,
      resolutionMedianSeconds: 510,
      ratings: { good: 1, okay: 1, bad: 0 },
    } satisfies OperatorReport);
    expect(operatorRow(body, 'Ada')).toEqual({ operatorId: ada.id, name: 'Ada', ...none });
  });

  it('give each site its own conversations', async () => {
    const { body } = await report('7');
    expect(body.sites).toEqual([
      {
        siteId: 'bakery',
        name: 'Bakery',
        conversations: 2,
        answered: 1,
        firstResponseMedianSeconds: 10,
        firstResponseP90Seconds: 10,
        resolutionMedianSeconds: 900,
        ratings: { good: 1, okay: 0, bad: 0 },
      },
      {
        siteId: 'shop',
        name: 'Shop',
        conversations: 4,
        answered: 4,
        firstResponseMedianSeconds: 50,
        firstResponseP90Seconds: 100,
        resolutionMedianSeconds: 300,
        ratings: { good: 1, okay: 1, bad: 1 },
      },
    ] satisfies SiteReport[]);
  });
});

describe('the last 30 days', () => {
  it('count the conversation of ten days ago too', async () => {
    const { body } = await report('30');
    expect(body.days).toBe(30);
    expect(body.totals).toMatchObject({
      conversations: 7,
      answered: 6,
      // Waits 5, 10, 20, 40, 60, 100.
      firstResponseMedianSeconds: 30,
      firstResponseP90Seconds: 100,
      // Resolutions 120, 300, 600, 900, 3600.
      resolutionMedianSeconds: 600,
    });
    expect(operatorRow(body, 'Alice')).toMatchObject({
      conversations: 4,
      answered: 4,
      firstResponseMedianSeconds: 30,
      firstResponseP90Seconds: 100,
      resolutionMedianSeconds: 600,
    });
    expect(siteRow(body, 'Shop')).toMatchObject({ conversations: 5, firstResponseMedianSeconds: 40 });
  });
});

describe('who may read reports, and how they are asked for', () => {
  it('takes 7 days when no period is given', async () => {
    const answer = await call<Report>(server, 'GET', '/api/admin/reports', { cookie: adminCookie });
    expect(answer.status).toBe(200);
    expect(answer.body.days).toBe(7);
  });

  it.each(['14', '0', '-7', 'week', '7.0', '', '7&days=30', '30&extra=1'])(
    'refuses days=%s with 400 bad_request',
    async (days) => {
      expect(refused(await report(days))).toEqual({ status: 400, code: 'bad_request' });
    },
  );

  it('refuses an operator who is not an admin with 403, and nobody signed in with 401', async () => {
    expect(refused(await report('7', await loginCookie(server, alice.email)))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(refused(await call(server, 'GET', '/api/admin/reports?days=7'))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });
});

// Last, since it changes the team and the sites the other tests read.
describe('people and sites that have gone', () => {
  it('keeps a disabled operator and an archived site while their conversations are in the period', async () => {
    const disabled = await call(server, 'PATCH', `/api/admin/team/${bob.id}`, {
      cookie: adminCookie,
      origin: server.origin,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    await server.app.store.sites.update('bakery', { archived: true });
    const empty = await server.app.store.sites.create({ name: 'Closed shop', allowedOrigins: [] });
    await server.app.store.sites.archive(empty.id);

    const { body } = await report('7');
    // His open conversation went back to the queue when he was disabled; the resolved ones stay his.
    expect(operatorRow(body, 'Bob')).toMatchObject({ operatorId: bob.id, conversations: 2, answered: 2 });
    expect(body.totals.conversations).toBe(6);
    expect(body.sites.map((site) => site.name)).toEqual(['Bakery', 'Shop']);
  });
});
