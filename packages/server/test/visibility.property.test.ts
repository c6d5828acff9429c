// Property: whatever operators and visitors do, in any order (resolving and transferring included),
// no byte of a command, its arguments, its answer, or an internal note reaches a visitor's
// connections or routes (the operators' search included: it answers a visitor's token with 401).

import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from './accounts-harness.ts';
import { enableModules, runCommand } from './commands-harness.ts';
import {
  type Client,
  SITE_ORIGIN,
  type TestServer,
  connectOperator,
  createOperator,
  newVisitor,
  discard,
  loginCookie,
  reply,
  say,
  settle,
  startServer,
  sync,
} from './harness.ts';

type Step =
  | { kind: 'visitor'; text: string }
  | { kind: 'operator'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'resolve' }
  | { kind: 'transfer' }
  | { kind: 'search'; text: string };

const COMMAND_NAMES = ['help', 'ticket', 'search_tickets', 'history', 'lead', 'frobnicate', 'TICKET'];
const word = fc.stringMatching(/^[a-z]{1,8}$/);

/** Every secret carries a unique marker, so finding it on the visitor side is unambiguous. */
function steps(markers: { next: () => string }) {
  return fc.array(
    fc.oneof(
      word.map((text): Step => ({ kind: 'visitor', text: `hello ${text}` })),
      word.map((text): Step => ({ kind: 'operator', text: `answer ${text}` })),
      word.map((text): Step => ({ kind: 'note', text: `${markers.next()} note ${text}` })),
      fc.constant<Step>({ kind: 'resolve' }),
      fc.constant<Step>({ kind: 'transfer' }),
      // The visitor tries the operators' search for the notes; an operator searches too.
      fc.constantFrom('note', 'SECRET', 'answer', 'hello').map((text): Step => ({ kind: 'search', text })),
      fc.tuple(fc.constantFrom(...COMMAND_NAMES), word, fc.boolean()).map(
        ([name, text, withArgs]): Step => ({
          kind: 'command',
          name,
          args: withArgs ? `${markers.next()} ${text}` : '',
        }),
      ),
    ),
    { minLength: 1, maxLength: 12 },
  );
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await enableModules(server, { helpdesk: true, crm: true });
});
afterAll(async () => {
  await discard(server);
});

it('never lets a visitor see commands, their answers, or internal notes', async () => {
  const alice = await createOperator(server, 'Alice', 'admin');
  const bob = await createOperator(server, 'Bob');
  const operator = await connectOperator(server, alice);
  const aliceCookie = await loginCookie(server, alice.email);
  let counter = 0;
  const markers = { next: () => `SECRET${++counter}X` };

  await fc.assert(
    fc.asyncProperty(steps(markers), async (plan) => {
      const handle = await newVisitor(server);
      const tabs: Client[] = [await handle.connect(), await handle.connect()];
      let { conversationId } = await say(tabs[0] as Client, 'first');
      await sync(operator, 0, conversationId);
      let assignee = alice.id;
      const secrets: string[] = [];
      const refusals: string[] = [];
      for (const step of plan) {
        if (step.kind === 'visitor') await say(tabs[0] as Client, step.text);
        else if (step.kind === 'operator') await reply(operator, conversationId, step.text);
        else if (step.kind === 'note') {
          const note = await reply(operator, conversationId, step.text, 'operator');
          secrets.push(step.text, note.id);
        } else if (step.kind === 'resolve') {
          const resolved = await api(
            server,
            aliceCookie,
            'POST',
            `/api/operator/conversations/${conversationId}/resolve`,
          );
          expect(resolved.status).toBe(200);
          // The visitor's next message starts the next conversation, which the steps go on in.
          conversationId = (await say(tabs[0] as Client, 'next')).conversationId;
          await sync(operator, 0, conversationId);
          assignee = alice.id;
        } else if (step.kind === 'transfer') {
          assignee = assignee === alice.id ? bob.id : alice.id;
          const path = `/api/operator/conversations/${conversationId}/assign`;
          expect((await api(server, aliceCookie, 'POST', path, { operatorId: assignee })).status).toBe(200);
        } else if (step.kind === 'search') {
          const url = `${server.url}/api/operator/search?q=${step.text}`;
          const asVisitor = await fetch(url, {
            headers: { authorization: `Bearer ${handle.token}`, origin: SITE_ORIGIN },
          });
          expect(asVisitor.status).toBe(401);
          refusals.push(await asVisitor.text());
          const asOperator = await fetch(url, { headers: { cookie: aliceCookie } });
          expect(asOperator.status).toBe(200);
        } else {
          const result = await runCommand(operator, conversationId, step.name, step.args);
          secrets.push(result.id, result.input, ...result.lines.map((line) => line.text).filter((t) => t.length > 12));
          if (step.args) secrets.push(step.args);
        }
      }
      await settle(50);
      const late = await handle.connect();
      await sync(late, 0);
      const transcript = await fetch(`${server.url}/api/sites/shop/conversation`, {
        headers: { authorization: `Bearer ${handle.token}`, origin: SITE_ORIGIN },
      }).then((r) => r.text());
      const seen =
        [...tabs, late].map((tab) => JSON.stringify(tab.frames)).join('\n') + transcript + refusals.join('\n');
      for (const secret of secrets) expect(seen).not.toContain(secret);
      expect(seen).not.toMatch(/SECRET\d+X/);
      await Promise.all([...tabs, late].map((tab) => tab.close()));
    }),
    { numRuns: 25 },
  );
}, 120_000);
