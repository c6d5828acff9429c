// Sending files with messages over real sockets: what is stored, what each side receives, and every
// refusal leaving nothing changed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  SITE_ORIGIN,
  type TestServer,
  startServer,
  sync,
  visitorUrl,
} from './harness.ts';
import {
  fetchFile,
  idOf,
  operatorSends,
  operatorUpload,
  PDF,
  PNG,
  sent,
  storedCounts,
  visitorSends,
  visitorUpload,
} from './attachments-harness.ts';
import { enableModules, runCommand } from './commands-harness.ts';

let server: TestServer;
let operator: Client;
let cookie: string;
let visitorToken: string;
let visitor: Client;
let conversationId: string;

const SIGNED = /^\/api\/files\/[\w-]+\?expires=\d+&sig=[0-9a-f]{64}$/;

beforeAll(async () => {
  server = await startServer();
  const alice = await createOperator(server, 'Alice');
  cookie = await loginCookie(server, alice.email);
  operator = await connectOperator(server, alice);
  const handle = await newVisitor(server);
  visitorToken = handle.token;
  visitor = await handle.connect();
});
afterAll(() => discard(server));

describe('a visitor sends files', () => {
  it('sends a screenshot with a caption; the upload is taken by the message in the same write', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'checkout error.png', PNG));
    const message = sent(await visitorSends(visitor, 'The checkout fails like this', [id]));
    conversationId = message.conversationId;
    expect(message.body).toBe('The checkout fails like this');
    expect(message.attachments).toEqual([
      {
        id,
        name: 'checkout error.png',
        size: PNG.length,
        kind: 'image',
        mime: 'image/png',
        // The 1×1 picture's pixel size, read from its header at upload.
        width: 1,
        height: 1,
        url: expect.any(String),
      },
    ]);
    expect(message.attachments?.[0]?.url).toMatch(SIGNED);
    const [row] = await server.sql<{ message_id: string; conversation_id: string }>(
      'SELECT message_id, conversation_id FROM uploads WHERE id = ?',
      id,
    );
    expect(row).toEqual({ message_id: message.id, conversation_id: message.conversationId });
  });

  it('reaches the operator with the operator URL, which serves the bytes with the session', async () => {
    await operator.wait('conversation.updated', (f) => f.conversation.id === conversationId);
    const opened = await sync(operator, 0, conversationId);
    const [withFile] = opened.messages;
    const attachment = withFile?.attachments?.[0];
    expect(attachment?.url).toBe(`/api/operator/files/${attachment?.id}`);
    const response = await fetchFile(server, attachment?.url ?? '', { cookie });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it('sends a file without a caption, which the operator gets live', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'order.pdf', PDF));
    const message = sent(await visitorSends(visitor, '', [id]));
    expect(message.body).toBe('');
    const live = await operator.wait('message.created', (f) => f.message.id === message.id);
    expect(live.message.attachments).toEqual([
      {
        id,
        name: 'order.pdf',
        size: PDF.length,
        kind: 'pdf',
        mime: 'application/pdf',
        url: `/api/operator/files/${id}`,
      },
    ]);
  });

  it('answers a resend of the same client id with the stored message, without refusing its taken uploads', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'again.png', PNG));
    const first = sent(await visitorSends(visitor, 'twice', [id], 'resent-once'));
    const before = await storedCounts(server);
    const again = sent(await visitorSends(visitor, 'twice', [id], 'resent-once'));
    expect(again.id).toBe(first.id);
    expect(again.attachments?.map((a) => a.id)).toEqual([id]);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('keeps the order the sender gave, not the order the uploads finished, and carries them all', async () => {
    const first = idOf(await visitorUpload(server, visitorToken, 'one.png', PNG));
    const second = idOf(await visitorUpload(server, visitorToken, 'two.pdf', PDF));
    const message = sent(await visitorSends(visitor, 'two files', [second, first]));
    expect(message.attachments?.map((a) => a.name)).toEqual(['two.pdf', 'one.png']);
    const [reread] = await server.app.store.messages.after(message.conversationId, message.seq - 1, 1);
    expect(reread?.attachments?.map((a) => a.name)).toEqual(['two.pdf', 'one.png']);
  });
});

describe('an operator sends files', () => {
  it('answers with a PDF: the visitor gets it live with a signed link and downloads it', async () => {
    const id = idOf(await operatorUpload(server, cookie, 'return label.pdf', PDF));
    const message = sent(await operatorSends(operator, conversationId, 'Here is your label', [id]));
    expect(message.attachments?.[0]?.url).toBe(`/api/operator/files/${id}`);
    const live = await visitor.wait('message.created', (f) => f.message.id === message.id);
    const url = live.message.attachments?.[0]?.url ?? '';
    expect(url).toMatch(SIGNED);
    const response = await fetchFile(server, url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
  });

  it('adds a file to an internal note that never reaches the visitor', async () => {
    const id = idOf(await operatorUpload(server, cookie, 'fraud check.pdf', PDF));
    const note = sent(await operatorSends(operator, conversationId, 'Card flagged, see report', [id], 'operator'));
    expect(note.attachments?.[0]?.id).toBe(id);
    const after = await operatorSends(operator, conversationId, 'One moment please', []);
    await visitor.wait('message.created', (f) => f.message.id === sent(after).id);
    expect(JSON.stringify(visitor.frames)).not.toContain(id);
    const resumed = await sync(visitor, 0);
    expect(JSON.stringify(resumed)).not.toContain(id);
    const transcript = await fetch(`${server.url}/api/sites/shop/conversation`, {
      headers: { authorization: `Bearer ${visitorToken}` },
    });
    expect(await transcript.text()).not.toContain(id);
  });

  it('answers a resend of a note with files with the stored note', async () => {
    const id = idOf(await operatorUpload(server, cookie, 'notes.txt', Buffer.from('internal\n')));
    const first = sent(await operatorSends(operator, conversationId, 'n', [id], 'operator', 'note-once'));
    const again = sent(await operatorSends(operator, conversationId, 'n', [id], 'operator', 'note-once'));
    expect(again.id).toBe(first.id);
    expect(again.attachments?.map((a) => a.id)).toEqual([id]);
  });
});

describe('transcripts of tickets', () => {
  it('name the files of public messages, and not a note’s', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const result = await runCommand(operator, conversationId, 'ticket', 'Checkout fails');
    expect(result.status).toBe('ok');
    const [ticket] = await server.sql<{ description: string }>(
      'SELECT description FROM tickets WHERE conversation_id = ?',
      conversationId,
    );
    expect(ticket?.description).toContain('The checkout fails like this [file: checkout error.png]');
    expect(ticket?.description).toMatch(/Visitor: \[file: order\.pdf\]/);
    expect(ticket?.description).not.toContain('fraud check.pdf');
  });
});

describe('refused attachments', () => {
  /** Sends and checks the refusal: its code, the id it names, and nothing stored or changed. */
  async function refusedSend(send: () => Promise<unknown>, code: string, naming?: string) {
    const before = await storedCounts(server);
    const answer = (await send()) as { error?: string; text?: string };
    expect(answer.error).toBe(code);
    if (naming) expect(answer.text).toContain(naming);
    expect(await storedCounts(server)).toEqual(before);
  }

  it('refuses an unknown id', async () => {
    await refusedSend(
      () => visitorSends(visitor, 'hm', ['nosuchupload12345']),
      'attachment_refused',
      'nosuchupload12345',
    );
  });

  it('refuses another visitor’s upload, and it stays theirs to send', async () => {
    const other = await newVisitor(server);
    const id = idOf(await visitorUpload(server, other.token, 'theirs.png', PNG));
    await refusedSend(() => visitorSends(visitor, 'look', [id]), 'attachment_refused', id);
    const otherClient = await other.connect();
    expect(sent(await visitorSends(otherClient, 'mine', [id])).attachments?.[0]?.id).toBe(id);
    await otherClient.close();
  });

  it('refuses an upload already sent with another message', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'once.png', PNG));
    sent(await visitorSends(visitor, 'first', [id]));
    await refusedSend(() => visitorSends(visitor, 'second', [id]), 'attachment_refused', id);
  });

  it('lets only one of two sends racing for the same upload take it', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'race.png', PNG));
    const otherTab = await Client.connect(visitorUrl(server, visitorToken), { origin: SITE_ORIGIN });
    await otherTab.wait('welcome');
    const before = await storedCounts(server);
    // Both frames are read in the same moment, so their appends share one group commit.
    const answers = await Promise.all([visitorSends(visitor, 'left', [id]), visitorSends(otherTab, 'right', [id])]);
    const taken = answers.flatMap((answer) => ('message' in answer ? [answer.message] : []));
    const refusals = answers.flatMap((answer) => ('error' in answer ? [answer.error] : []));
    expect(refusals).toEqual(['attachment_refused']);
    expect(taken.map((message) => message.attachments?.[0]?.id)).toEqual([id]);
    expect((await storedCounts(server))?.messages).toBe((before?.messages ?? 0) + 1);
    await otherTab.close();
  });

  it('refuses the same id twice in one message', async () => {
    const id = idOf(await visitorUpload(server, visitorToken, 'double.png', PNG));
    await refusedSend(() => visitorSends(visitor, 'double', [id, id]), 'attachment_refused', id);
  });

  it('refuses a visitor sending an operator’s upload', async () => {
    const id = idOf(await operatorUpload(server, cookie, 'staff.pdf', PDF));
    await refusedSend(() => visitorSends(visitor, 'stolen', [id]), 'attachment_refused', id);
  });

  it('refuses an operator sending a visitor’s or a colleague’s upload, without joining the conversation', async () => {
    const bob = await createOperator(server, 'Bob', 'admin');
    const bobClient = await connectOperator(server, bob);
    const visitorsId = idOf(await visitorUpload(server, visitorToken, 'visitor.png', PNG));
    const alicesId = idOf(await operatorUpload(server, cookie, 'alice.pdf', PDF));
    await refusedSend(() => operatorSends(bobClient, conversationId, 'hi', [visitorsId]), 'attachment_refused');
    await refusedSend(() => operatorSends(bobClient, conversationId, 'hi', [alicesId]), 'attachment_refused');
    await bobClient.close();
  });

  it('refuses a first message with a refused file without opening a conversation', async () => {
    const newcomer = await newVisitor(server);
    const client = await newcomer.connect();
    await refusedSend(() => visitorSends(client, 'hello', ['nosuchupload67890']), 'attachment_refused');
    await client.close();
  });

  it('refuses a command with files as a bad request, and takes a caption that only starts with a slash', async () => {
    const id = idOf(await operatorUpload(server, cookie, 'ticket.pdf', PDF));
    await refusedSend(() => operatorSends(operator, conversationId, '/ticket Broken lamp', [id]), 'bad_request');
    // A path is no command: the composer sends it as text, and the files go with it.
    const path = sent(await operatorSends(operator, conversationId, '/var/log/lamp.log is attached', [id]));
    expect(path.attachments?.[0]?.id).toBe(id);
  });
});
