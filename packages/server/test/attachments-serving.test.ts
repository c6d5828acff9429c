// Serving attached files over real HTTP: signed links for the widget, the session and the read rule for
// operators, and headers that keep a file from running as a page.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, VisitorTranscript } from '@livechat/protocol';
import {
  type Client,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  type TestServer,
  startServer,
  sync,
} from './harness.ts';
import {
  fetchFile,
  idOf,
  operatorSends,
  operatorUpload,
  PDF,
  PNG,
  sent,
  visitorSends,
  visitorUpload,
} from './attachments-harness.ts';

let server: TestServer;
let operator: Client;
let cookie: string;
let visitorToken: string;
let visitor: Client;
/** The visitor's message with a PNG, the operator's reply with a PDF and a text file, and a note with a PDF. */
let image: Message;
let reply: Message;
let note: Message;

const urlOf = (message: Message, index = 0): string => message.attachments?.[index]?.url ?? '';
const idAt = (message: Message, index = 0): string => message.attachments?.[index]?.id ?? '';

async function transcript(): Promise<VisitorTranscript> {
  const response = await fetch(`${server.url}/api/sites/shop/conversation`, {
    headers: { authorization: `Bearer ${visitorToken}` },
  });
  return (await response.json()) as VisitorTranscript;
}

beforeAll(async () => {
  server = await startServer();
  const alice = await createOperator(server, 'Alice');
  cookie = await loginCookie(server, alice.email);
  operator = await connectOperator(server, alice);
  const handle = await newVisitor(server);
  visitorToken = handle.token;
  visitor = await handle.connect();
  const png = idOf(await visitorUpload(server, visitorToken, 'screen shot (1).png', PNG));
  image = sent(await visitorSends(visitor, 'This is what I see', [png]));
  const conversationId = image.conversationId;
  await operator.wait('conversation.updated', (f) => f.conversation.id === conversationId);
  const pdf = idOf(await operatorUpload(server, cookie, 'Facture n°12.pdf', PDF));
  const text = idOf(await operatorUpload(server, cookie, 'steps.txt', Buffer.from('1. Reload\n2. Pay\n')));
  const sentReply = sent(await operatorSends(operator, conversationId, 'Your invoice and the steps', [pdf, text]));
  reply = (await visitor.wait('message.created', (f) => f.message.id === sentReply.id)).message;
  const secret = idOf(await operatorUpload(server, cookie, 'risk report.pdf', PDF));
  note = sent(await operatorSends(operator, conversationId, 'Risk report attached', [secret], 'operator'));
});
afterAll(() => discard(server));

describe('the widget’s signed links', () => {
  it('serve an image inline, for <img> on the site’s page, with headers that keep it inert', async () => {
    const response = await fetchFile(server, urlOf(image));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    const headers = Object.fromEntries(response.headers);
    expect(headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': "inline; filename*=UTF-8''screen%20shot%20%281%29.png",
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'private',
      'cross-origin-resource-policy': 'cross-origin',
      'content-length': String(PNG.length),
    });
  });

  it('serve a PDF and a text file as downloads, with their names', async () => {
    const pdf = await fetchFile(server, urlOf(reply, 0));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Facture%20n%C2%B012.pdf");
    expect(pdf.headers.get('content-security-policy')).toBe('sandbox');
    const text = await fetchFile(server, urlOf(reply, 1));
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''steps.txt");
    expect(text.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await text.text()).toBe('1. Reload\n2. Pay\n');
  });

  it('answer HEAD with the headers and no body', async () => {
    const response = await fetchFile(server, urlOf(image), {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuse a link whose signature was altered (403)', async () => {
    const url = urlOf(image);
    const last = url.at(-1) === '0' ? '1' : '0';
    const response = await fetchFile(server, `${url.slice(0, -1)}${last}`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('file_link_invalid');
  });

  it('refuse a link whose expiry was moved (403) and one without a signature (403)', async () => {
    const moved = urlOf(image).replace(/expires=(\d+)/, (_, n: string) => `expires=${Number(n) + 3600}`);
    expect((await fetchFile(server, moved)).status).toBe(403);
    expect((await fetchFile(server, `/api/files/${idAt(image)}`)).status).toBe(403);
  });

  it('refuse an expired link (410), checked after the signature', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = server.app.fileLinks.visitorUrl(idAt(image), Date.now(), past);
    const response = await fetchFile(server, expired);
    expect(response.status).toBe(410);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('file_link_expired');
  });

  it('never open a note’s file: another message’s link with the id swapped is 403, a signed one 404', async () => {
    const swapped = urlOf(image).replace(idAt(image), idAt(note));
    const response = await fetchFile(server, swapped);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('file_link_invalid');
    // Even a correctly signed link (never given out) opens only files of public messages.
    const signed = server.app.fileLinks.visitorUrl(idAt(note));
    expect((await fetchFile(server, signed)).status).toBe(404);
  });
});

describe('the operator URLs', () => {
  it('serve the files of a conversation the operator may read, notes included', async () => {
    const response = await fetchFile(server, `/api/operator/files/${idAt(note)}`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''risk%20report.pdf");
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('are 404 for the visitor (no session), with or without their token', async () => {
    const url = `/api/operator/files/${idAt(note)}`;
    expect((await fetchFile(server, url)).status).toBe(404);
    expect((await fetchFile(server, url, { authorization: `Bearer ${visitorToken}` })).status).toBe(404);
  });

  it('are 404 for an operator who may not read the conversation, and 200 for an admin', async () => {
    const carol = await createOperator(server, 'Carol');
    const carolCookie = await loginCookie(server, carol.email);
    const url = `/api/operator/files/${idAt(image)}`;
    const refused = await fetchFile(server, url, { cookie: carolCookie });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const dana = await createOperator(server, 'Dana', 'admin');
    expect((await fetchFile(server, url, { cookie: await loginCookie(server, dana.email) })).status).toBe(200);
  });

  it('come with the operator’s message list', async () => {
    const response = await fetch(`${server.url}/api/operator/conversations/${image.conversationId}/messages`, {
      headers: { cookie },
    });
    const { messages } = (await response.json()) as { messages: Message[] };
    const urls = messages.flatMap((m) => m.attachments ?? []).map((a) => a.url);
    expect(urls).toEqual(
      [idAt(image), idAt(reply, 0), idAt(reply, 1), idAt(note)].map((id) => `/api/operator/files/${id}`),
    );
  });
});

describe('reading again', () => {
  it('gives the widget signed links on GET conversation and sync, for public messages only', async () => {
    const read = await transcript();
    const files = read.messages.flatMap((m) => m.attachments ?? []);
    expect(files.map((a) => a.id)).toEqual([idAt(image), idAt(reply, 0), idAt(reply, 1)]);
    for (const file of files) expect((await fetchFile(server, file.url ?? '')).status).toBe(200);
    const synced = await sync(visitor, 0);
    expect(synced.messages.flatMap((m) => m.attachments ?? []).map((a) => a.id)).toEqual(files.map((a) => a.id));
  });
});

describe('links that expire within seconds', () => {
  it('are replaced by working ones when the conversation is read again', async () => {
    // Three seconds: a link expires on a whole second, so a fresh one still has two when it is fetched.
    const quick = await startServer({ fileUrlMinutes: 3 / 60 });
    try {
      const handle = await newVisitor(quick);
      const client = await handle.connect();
      const id = idOf(await visitorUpload(quick, handle.token, 'quick.png', PNG));
      const first = urlOf(sent(await visitorSends(client, 'quick', [id])));
      // Waits for a state, not a duration: until the first link is refused as expired.
      let status = 200;
      while (status === 200) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await fetchFile(quick, first)).status;
      }
      expect(status).toBe(410);
      const again = await sync(client, 0);
      const fresh = urlOf(again.messages[0] as Message);
      expect(fresh).not.toBe(first);
      expect((await fetchFile(quick, fresh)).status).toBe(200);
      await client.close();
    } finally {
      await discard(quick);
    }
    // A server of its own, and up to four seconds until its first link expires.
  }, 30_000);
});
