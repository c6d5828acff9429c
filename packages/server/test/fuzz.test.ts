// Arbitrary frames and bodies against a real server: never a 5xx, never a crash, and nothing stored
// changes when the input is refused.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createOperator,
  discard,
  everyRow,
  loginCookie,
  newVisitor,
  SITE_ORIGIN,
  say,
  startServer,
  type TestServer,
  type VisitorHandle,
} from './harness.ts';

/** Each property's share of the run: the whole file stays around 20 s. */
const TIME_LIMIT_MS = 5000;
/** Room for the run that fills TIME_LIMIT_MS and the checks after it: vitest's own 5 s would cut it off. */
const TEST_TIMEOUT_MS = TIME_LIMIT_MS + 25_000;
const RUNS = 400;

let server: TestServer;
let visitor: VisitorHandle;
let conversationId: string;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  const admin = await createOperator(server, 'Fuzzy', 'admin');
  cookie = await loginCookie(server, admin.email);
  visitor = await newVisitor(server);
  const client = await visitor.connect();
  conversationId = (await say(client, 'a first message')).conversationId;
  await client.close();
});
afterAll(() => discard(server));

const snapshot = () => everyRow(server);

const wild = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);

const visitorFrame = fc.oneof(
  fc.record({ type: fc.constant('message.send'), id: wild, clientId: wild, body: wild }),
  fc.record({ type: fc.constant('sync'), id: wild, afterSeq: wild }),
  fc.record({ type: fc.constant('typing.set'), id: wild, active: wild }),
  fc.record({ type: fc.constant('conversation.read'), id: wild, seq: wild }),
  fc.record({ type: fc.constant('conversation.end'), id: wild }, { requiredKeys: [] }),
  fc.record({ type: wild, id: wild }),
  fc.json(),
  fc.string(),
);

const operatorFrame = fc.oneof(
  fc.record({
    type: fc.constant('message.send'),
    id: wild,
    conversationId: fc.oneof(wild, fc.constant('REAL')),
    clientId: wild,
    body: wild,
    visibility: wild,
    mentionIds: wild,
    cannedIds: wild,
  }),
  fc.record({
    type: fc.constant('sync'),
    id: wild,
    conversationId: fc.oneof(wild, fc.constant('REAL')),
    afterSeq: wild,
  }),
  fc.record({ type: fc.constant('conversation.read'), id: wild, conversationId: fc.constant('REAL'), seq: wild }),
  fc.record({
    type: fc.constant('command.run'),
    id: wild,
    conversationId: fc.constant('REAL'),
    name: wild,
    args: wild,
  }),
  fc.record({ type: fc.constant('typing.set'), id: wild, conversationId: wild, active: wild }),
  fc.json(),
  fc.string(),
);

/** The frame as text, with `REAL` standing for the conversation that exists. */
function encode(frame: unknown): string {
  if (typeof frame === 'string') return frame;
  return JSON.stringify(frame, (_key, value) => (value === 'REAL' ? conversationId : value));
}

/** Sends one frame, then a ping: everything the frame caused has arrived once the pong does. */
async function exchange(client: Client, text: string): Promise<{ refused: boolean; closed: boolean }> {
  const before = client.frames.length;
  const ping = `probe-${Math.random().toString(36).slice(2)}`;
  client.sendRaw(text);
  client.send({ type: 'ping', id: ping });
  const closed = new Promise<'closed'>((resolve) => client.socket.once('close', () => resolve('closed')));
  const answer = await Promise.race([client.wait('pong', (frame) => frame.id === ping, 5000), closed]);
  const caused = client.frames.slice(before);
  const refused = caused.some((frame) => frame.type === 'error');
  expect(caused.some((frame) => frame.type === 'error' && frame.code === 'internal')).toBe(false);
  return { refused, closed: answer === 'closed' };
}

async function pingAnswered(client: Client): Promise<void> {
  client.send({ type: 'ping', id: 'last' });
  await client.wait('pong', (frame) => frame.id === 'last');
}

describe('arbitrary frames on real sockets', () => {
  it(
    'on a visitor socket: typed errors only, nothing stored when refused, the server still answers',
    async () => {
      let client = await visitor.connect();
      await fc.assert(
        fc.asyncProperty(visitorFrame, async (frame) => {
          if (client.socket.readyState !== client.socket.OPEN) client = await visitor.connect();
          const before = await snapshot();
          const { refused, closed } = await exchange(client, encode(frame));
          if (refused || closed) expect(await snapshot()).toBe(before);
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      if (client.socket.readyState !== client.socket.OPEN) client = await visitor.connect();
      await pingAnswered(client);
      await client.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'on an operator socket: typed errors only, nothing stored when refused, the server still answers',
    async () => {
      const connect = () =>
        Client.connect(`${server.url.replace('http', 'ws')}/ws/operator`, { origin: server.origin, cookie }).then(
          async (client) => {
            await client.wait('welcome');
            return client;
          },
        );
      let client = await connect();
      // Once connected, the queue hands the operator what waits in it: a change of its own, made beside
      // the frames. Hand-outs run one after another, so once this one is over, that one is too.
      await server.app.conversations.handOut('connected');
      await fc.assert(
        fc.asyncProperty(operatorFrame, async (frame) => {
          if (client.socket.readyState !== client.socket.OPEN) client = await connect();
          const before = await snapshot();
          const { refused, closed } = await exchange(client, encode(frame));
          if (refused || closed) expect(await snapshot()).toBe(before);
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      await pingAnswered(client);
      await client.close();
    },
    TEST_TIMEOUT_MS,
  );
});

const ROUTES: Array<{ method: string; path: string; as: 'visitor' | 'operator' | 'nobody' }> = [
  { method: 'POST', path: '/api/sites/shop/visitors', as: 'nobody' },
  { method: 'POST', path: '/api/sites/shop/page-views', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/identify', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/attributes', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/contact', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/contact-email', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/transcript', as: 'visitor' },
  { method: 'POST', path: '/api/sites/shop/conversation-link', as: 'nobody' },
  { method: 'POST', path: '/api/sites/shop/conversations/REAL/rating', as: 'visitor' },
  { method: 'POST', path: '/api/operator/login', as: 'nobody' },
  { method: 'POST', path: '/api/setup', as: 'nobody' },
  { method: 'POST', path: '/api/accept', as: 'nobody' },
  { method: 'PATCH', path: '/api/operator/me', as: 'operator' },
  { method: 'PUT', path: '/api/operator/me/status', as: 'operator' },
  { method: 'POST', path: '/api/operator/canned-responses', as: 'operator' },
  { method: 'POST', path: '/api/admin/sites', as: 'operator' },
  { method: 'POST', path: '/api/admin/invites', as: 'operator' },
  { method: 'POST', path: '/api/admin/teams', as: 'operator' },
  { method: 'PUT', path: '/api/admin/modules', as: 'operator' },
  { method: 'GET', path: '/api/operator/search', as: 'operator' },
  { method: 'GET', path: '/api/operator/tickets', as: 'operator' },
  { method: 'GET', path: '/api/operator/conversations', as: 'operator' },
];

const httpBody = fc.oneof(
  fc.json().map((text) => ({ text, type: 'application/json' })),
  fc.string().map((text) => ({ text, type: 'application/json' })),
  fc.string().map((text) => ({ text, type: 'text/plain' })),
  fc.dictionary(fc.string(), wild).map((value) => ({ text: JSON.stringify(value), type: 'application/json' })),
);

describe('arbitrary bodies on the HTTP routes', () => {
  it(
    'never answer 5xx, and change nothing when they answer 4xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          httpBody,
          fc.dictionary(fc.constantFrom('q', 'cursor', 'status', 'view', 'limit'), fc.string(), { maxKeys: 3 }),
          async (route, body, query) => {
            const headers: Record<string, string> = { origin: SITE_ORIGIN };
            if (route.as === 'visitor') headers.authorization = `Bearer ${visitor.token}`;
            if (route.as === 'operator') {
              headers.cookie = cookie;
              headers.origin = server.origin;
            }
            const search = new URLSearchParams(query).toString();
            const url = `${server.url}${route.path.replace('REAL', conversationId)}${search ? `?${search}` : ''}`;
            const withBody = route.method !== 'GET';
            if (withBody) headers['content-type'] = body.type;
            const before = await snapshot();
            const response = await fetch(url, {
              method: route.method,
              headers,
              ...(withBody ? { body: body.text } : {}),
            });
            await response.arrayBuffer();
            expect(response.status, `${route.method} ${route.path}`).toBeLessThan(500);
            if (response.status >= 400) expect(await snapshot()).toBe(before);
          },
        ),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      const alive = await fetch(`${server.url}/api/operator/session`, { headers: { cookie } });
      expect(alive.status).toBe(200);
    },
    TEST_TIMEOUT_MS,
  );
});
