// Property: whatever operators and visitors do, in any order (resolving and transferring included),
// no byte of a command, its arguments, its answer, or an internal note (its files included: their
// ids, names and URLs) reaches a visitor's connections or routes (the operators' search included: it
// answers a visitor's token with 401), and no visitor-side URL opens a note's file.

import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from './accounts-harness.ts';
import {
  idOf,
  operatorSends,
  operatorUpload,
  PDF,
  PNG,
  sent,
  visitorSends,
  visitorUpload,
} from './attachments-harness.ts';
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
  | { kind: 'visitor-file'; text: string }
  | { kind: 'operator-file'; text: string }
  | { kind: 'note-file'; text: string }
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
      word.map((text): Step => ({ kind: 'visitor-file', text })),
      word.map((text): Step => ({ kind: 'operator-file', text })),
      // The file's name carries the marker too: a name is as secret as the note.
      word.map((text): Step => ({ kind: 'note-file', text: `${markers.next()} ${text}` })),
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

it('never lets a visitor see commands, their answers, or internal notes and their files', async () => {
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
      const noteFiles: string[] = [];
      const publicFiles: string[] = [];
      for (const step of plan) {
        if (step.kind === 'visitor') await say(tabs[0] as Client, step.text);
        else if (step.kind === 'operator') await reply(operator, conversationId, step.text);
        else if (step.kind === 'note') {
          const note = await reply(operator, conversationId, step.text, 'operator');
          secrets.push(step.text, note.id);
        } else if (step.kind === 'visitor-file') {
          const id = idOf(await visitorUpload(server, handle.token, `${step.text}.png`, PNG));
          sent(await visitorSends(tabs[0] as Client, step.text, [id]));
          publicFiles.push(id);
        } else if (step.kind === 'operator-file') {
          const id = idOf(await operatorUpload(server, aliceCookie, `${step.text}.pdf`, PDF));
          sent(await operatorSends(operator, conversationId, step.text, [id]));
          publicFiles.push(id);
        } else if (step.kind === 'note-file') {
          const id = idOf(await operatorUpload(server, aliceCookie, `${step.text}.pdf`, PDF));
          const note = sent(await operatorSends(operator, conversationId, step.text, [id], 'operator'));
          secrets.push(step.text, note.id, id);
          noteFiles.push(id);
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
      const frames = [...tabs, late].map((tab) => JSON.stringify(tab.frames)).join('\n');
      // Each note's file, tried the ways a visitor could: the operator URL with their token, and the
      // signed URL of a file they were given with the note's id put in.
      const given = /\/api\/files\/([\w-]+)\?expires=\d+&sig=[0-9a-f]{64}/.exec(frames + transcript);
      for (const id of noteFiles) {
        const asVisitor = await fetch(`${server.url}/api/operator/files/${id}`, {
          headers: { authorization: `Bearer ${handle.token}`, origin: SITE_ORIGIN },
        });
        expect(asVisitor.status).toBe(404);
        refusals.push(await asVisitor.text());
        if (given?.[1]) {
          const swapped = await fetch(`${server.url}${given[0].replace(given[1], id)}`);
          expect(swapped.status).toBe(403);
          refusals.push(await swapped.text());
        }
      }
      // The public files did reach the visitor, so the check above looked where files go.
      for (const id of publicFiles) expect(frames + transcript).toContain(id);
      const seen = frames + transcript + refusals.join('\n');
      for (const secret of secrets) expect(seen).not.toContain(secret);
      expect(seen).not.toMatch(/SECRET\d+X/);
      await Promise.all([...tabs, late].map((tab) => tab.close()));
    }),
    { numRuns: 25 },
  );
}, 120_000);
