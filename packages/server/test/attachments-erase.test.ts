// Erasing a visitor and the retention job take files with them: the upload records in the same
// transaction, then the bytes in DATA_DIR/files that no other upload names.

import { createHash } from 'node:crypto';
import type { OperatorProfile } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operatorUpload, PDF, PNG, keptFiles, visitorUpload } from './attachments-harness.ts';
import { png } from './attachments-images.ts';
import {
  type Client,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  reply,
  say,
  startServer,
  sync,
  type TestServer,
  type VisitorHandle,
} from './harness.ts';
import { api } from './privacy-harness.ts';

let server: TestServer;
let alice: OperatorProfile;
let ada: OperatorProfile;
let aliceSocket: Client;
let aliceCookie: string;

beforeEach(async () => {
  server = await startServer();
  alice = await createOperator(server, 'Alice');
  ada = await createOperator(server, 'Ada', 'admin');
  aliceSocket = await connectOperator(server, alice);
  aliceCookie = await loginCookie(server, alice.email);
});
afterEach(() => discard(server));

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const kept = async (bytes: Buffer): Promise<boolean> =>
  (await keptFiles(server)).some((path) => path.endsWith(sha256(bytes)));
// Sorted here, not by the database, whose collation may order ids otherwise than JavaScript does.
const uploadIds = async (): Promise<string[]> =>
  (await server.sql<{ id: string }>('SELECT id FROM uploads')).map((row) => row.id).sort();

/**
 * Puts the uploads on the message as `message.send` with attachmentIds does (that path is built
 * beside this one): the upload names its conversation and message.
 */
async function attach(conversationId: string, messageId: string, ...ids: Array<string | undefined>): Promise<void> {
  for (const id of ids) {
    await server.sql(
      'UPDATE uploads SET conversation_id = ?, message_id = ? WHERE id = ?',
      conversationId,
      messageId,
      id ?? '',
    );
  }
}

async function uploadAsVisitor(visitor: VisitorHandle, name: string, bytes: Buffer): Promise<string> {
  const result = await visitorUpload(server, visitor.token, name, bytes);
  expect(result.status).toBe(201);
  return result.body.attachment?.id ?? '';
}

async function uploadAsAlice(name: string, bytes: Buffer): Promise<string> {
  const result = await operatorUpload(server, aliceCookie, name, bytes);
  expect(result.status).toBe(201);
  return result.body.attachment?.id ?? '';
}

/** A visitor's message with a file, then Alice's public reply and internal note, each with a file. */
async function conversationWithFiles(visitor: VisitorHandle, files: { visitor: Buffer; reply: Buffer; note: Buffer }) {
  const socket = await visitor.connect();
  const asked = await say(socket, 'Here is the screenshot of the error');
  const { conversationId } = asked;
  await aliceSocket.wait('conversation.updated', (frame) => frame.conversation.id === conversationId);
  await sync(aliceSocket, 0, conversationId);
  await attach(conversationId, asked.id, await uploadAsVisitor(visitor, 'error.png', files.visitor));
  const answered = await reply(aliceSocket, conversationId, 'Here is the fixed invoice');
  await attach(conversationId, answered.id, await uploadAsAlice('invoice.pdf', files.reply));
  const noted = await reply(aliceSocket, conversationId, 'Customer’s logs, for the team', 'operator');
  await attach(conversationId, noted.id, await uploadAsAlice('logs.txt', files.note));
  await socket.close();
  return conversationId;
}

describe('erasing a visitor', () => {
  it('removes their uploads and every file of their conversations, records and bytes, but keeps shared bytes', async () => {
    const vera = await newVisitor(server);
    const otto = await newVisitor(server);
    const veraFiles = { visitor: png(3, 3), reply: PDF, note: Buffer.from('timeout at checkout, 14:02\n') };
    await conversationWithFiles(vera, veraFiles);
    const unsent = await uploadAsVisitor(vera, 'draft.txt', Buffer.from('a draft never sent\n'));
    // Otto uploaded the same screenshot as Vera: those bytes are his too.
    const ottos = await uploadAsVisitor(otto, 'same.png', png(3, 3));
    const ottosOwn = await uploadAsVisitor(otto, 'mine.png', PNG);
    expect(await uploadIds()).toContain(unsent);

    const erased = await api(server, ada, 'POST', `/api/admin/visitors/${vera.visitorId}/erase`, {
      confirm: vera.visitorId,
    });
    expect(erased.status).toBe(200);

    expect(await uploadIds()).toEqual([ottos, ottosOwn].sort());
    expect(await kept(png(3, 3))).toBe(true);
    expect(await kept(PNG)).toBe(true);
    expect(await kept(PDF)).toBe(false);
    expect(await kept(veraFiles.note)).toBe(false);
    expect(await kept(Buffer.from('a draft never sent\n'))).toBe(false);
    // Nothing half-written is left aside either.
    expect(await keptFiles(server)).toHaveLength(2);
  });

  it('keeps the bytes of an operator’s file sent in another visitor’s conversation too', async () => {
    const vera = await newVisitor(server);
    const otto = await newVisitor(server);
    const shared = { visitor: png(2, 2), reply: PDF, note: Buffer.from('same note\n') };
    await conversationWithFiles(vera, shared);
    await conversationWithFiles(otto, { ...shared, visitor: png(4, 4) });
    const before = await server.sql<{ owner_operator_id: string | null }>(
      'SELECT owner_operator_id FROM uploads WHERE owner_operator_id IS NOT NULL',
    );
    expect(before).toHaveLength(4);

    await api(server, ada, 'POST', `/api/admin/visitors/${vera.visitorId}/erase`, { confirm: vera.visitorId });

    expect(await server.sql('SELECT owner_operator_id FROM uploads WHERE owner_operator_id IS NOT NULL')).toHaveLength(
      2,
    );
    expect([await kept(PDF), await kept(shared.note), await kept(png(4, 4)), await kept(png(2, 2))]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('retention', () => {
  const DAY_MS = 24 * 3600 * 1000;

  async function closeDaysAgo(conversationId: string, days: number): Promise<void> {
    expect((await api(server, alice, 'POST', `/api/operator/conversations/${conversationId}/resolve`)).status).toBe(
      200,
    );
    await server.sql(
      'UPDATE conversations SET closed_at = ? WHERE id = ?',
      new Date(Date.now() - days * DAY_MS).toISOString(),
      conversationId,
    );
  }

  it('deletes the files of the conversations it removes, and keeps bytes a kept conversation names', async () => {
    const oldFiles = { visitor: png(5, 5), reply: PDF, note: Buffer.from('old note\n') };
    const oldId = await conversationWithFiles(await newVisitor(server), oldFiles);
    // The recent conversation carries the same invoice.
    const recentId = await conversationWithFiles(await newVisitor(server), {
      visitor: png(6, 6),
      reply: PDF,
      note: Buffer.from('recent note\n'),
    });
    await closeDaysAgo(oldId, 40);
    await closeDaysAgo(recentId, 10);
    await api(server, ada, 'PATCH', '/api/admin/sites/shop', { retention: { conversationsDays: 30 } });

    const [deleted] = await server.app.retention.run();

    expect(deleted).toMatchObject({ conversations: 1, files: 2 });
    const left = await server.sql<{ conversation_id: string }>('SELECT DISTINCT conversation_id FROM uploads');
    expect(left).toEqual([{ conversation_id: recentId }]);
    expect([await kept(png(5, 5)), await kept(oldFiles.note), await kept(PDF), await kept(png(6, 6))]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
