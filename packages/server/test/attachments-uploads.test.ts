// Uploading attachments: real multipart requests to a real server; the kind comes from the bytes,
// and every refusal is typed and leaves nothing stored.

import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '@livechat/protocol';
import {
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  SITE_ORIGIN,
  type TestServer,
  startServer,
  type VisitorHandle,
} from './harness.ts';
import { operatorUpload, PDF, PNG, keptFiles, uploadCount, visitorUpload, ZIP } from './attachments-harness.ts';

let server: TestServer;
let visitor: VisitorHandle;

beforeAll(async () => {
  server = await startServer();
  visitor = await newVisitor(server);
});
afterAll(() => discard(server));

/** Runs the refused upload and checks that neither a record nor a file was added. */
async function refused(name: string, bytes: Buffer, claimedType?: string) {
  const [uploadsBefore, filesBefore] = [await uploadCount(server), (await keptFiles(server)).length];
  const result = await visitorUpload(server, visitor.token, name, bytes, claimedType);
  expect(await uploadCount(server)).toBe(uploadsBefore);
  expect(await keptFiles(server)).toHaveLength(filesBefore);
  return result;
}

describe('a visitor uploads a file', () => {
  it('answers with the upload, its kind read from the bytes, and keeps the bytes under their SHA-256', async () => {
    const result = await visitorUpload(server, visitor.token, 'error screenshot.png', PNG, 'text/html');
    expect(result.status).toBe(201);
    expect(result.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    const attachment = result.body.attachment;
    expect(attachment).toMatchObject({
      name: 'error screenshot.png',
      size: PNG.length,
      kind: 'image',
      mime: 'image/png',
    });
    const hash = createHash('sha256').update(PNG).digest('hex');
    const [row] = await server.sql<{ hash: string; owner_visitor_id: string; site_id: string; message_id: null }>(
      'SELECT hash, owner_visitor_id, site_id, message_id FROM uploads WHERE id = ?',
      attachment?.id,
    );
    expect(row).toEqual({ hash, owner_visitor_id: visitor.visitorId, site_id: 'shop', message_id: null });
    expect((await keptFiles(server)).some((path) => path.endsWith(hash))).toBe(true);
  });

  it('takes a PDF, plain text and CSV', async () => {
    const pdf = await visitorUpload(server, visitor.token, 'invoice.pdf', PDF);
    const text = await visitorUpload(server, visitor.token, 'notes.txt', Buffer.from('Order 1234 never arrived.\n'));
    const csv = await visitorUpload(server, visitor.token, 'orders.csv', Buffer.from('id,total\n1,9.90\n'));
    expect([pdf.body.attachment?.mime, text.body.attachment?.mime, csv.body.attachment?.mime]).toEqual([
      'application/pdf',
      'text/plain',
      'text/csv',
    ]);
  });

  it('keeps the same bytes once, for two uploads', async () => {
    const bytes = Buffer.from('the same words twice\n');
    const filesBefore = (await keptFiles(server)).length;
    const first = await visitorUpload(server, visitor.token, 'a.txt', bytes);
    const second = await visitorUpload(server, visitor.token, 'b.txt', bytes);
    expect(first.body.attachment?.id).not.toBe(second.body.attachment?.id);
    expect(await keptFiles(server)).toHaveLength(filesBefore + 1);
  });

  it('shows a name without its folders', async () => {
    const result = await visitorUpload(server, visitor.token, '../../etc/report.pdf', PDF);
    expect(result.body.attachment?.name).toBe('report.pdf');
  });
});

describe('refused uploads', () => {
  it('refuses a file over the size limit with 413, nothing stored', async () => {
    const result = await refused('big.txt', Buffer.alloc(DEFAULT_ATTACHMENT_MAX_BYTES + 1, 'a'));
    expect(result.status).toBe(413);
    expect(result.body.error?.code).toBe('file_too_large');
  });

  it('takes a file of exactly the limit', async () => {
    const result = await visitorUpload(
      server,
      visitor.token,
      'big.txt',
      Buffer.alloc(DEFAULT_ATTACHMENT_MAX_BYTES, 'b'),
    );
    expect(result.status).toBe(201);
  });

  it('refuses a kind no site takes with 415, whatever the browser claims, and lets the page read why', async () => {
    const result = await refused('photos.zip', ZIP, 'image/png');
    expect(result.status).toBe(415);
    expect(result.body.error?.code).toBe('file_kind_refused');
    expect(result.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
  });

  it('refuses binary bytes that no known kind matches', async () => {
    const result = await refused('data.txt', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    expect(result.body.error?.code).toBe('file_kind_refused');
  });

  it('refuses bytes that do not match the name (a PNG called .pdf, HTML called .html)', async () => {
    const png = await refused('invoice.pdf', PNG);
    expect(png.status).toBe(415);
    expect(png.body.error?.code).toBe('file_name_mismatch');
    const html = await refused('page.html', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.body.error?.code).toBe('file_name_mismatch');
    const svg = await refused('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    expect(svg.body.error?.code).toBe('file_name_mismatch');
  });

  it('refuses an empty file', async () => {
    const result = await refused('empty.txt', Buffer.alloc(0));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe('file_empty');
  });

  it('refuses a request with no file, and one that is not multipart', async () => {
    const noFile = await fetch(`${server.url}/api/sites/shop/uploads`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, authorization: `Bearer ${visitor.token}` },
      body: (() => {
        const body = new FormData();
        body.append('caption', 'no file here');
        return body;
      })(),
    });
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('file_empty');
    const json = await fetch(`${server.url}/api/sites/shop/uploads`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
  });

  it('refuses an upload without a valid visitor token, or from another site’s page', async () => {
    const uploadsBefore = await uploadCount(server);
    const noToken = await visitorUpload(server, 'not-a-token', 'a.png', PNG);
    expect(noToken.status).toBe(401);
    expect(await uploadCount(server)).toBe(uploadsBefore);
    const foreign = await fetch(`${server.url}/api/sites/shop/uploads`, {
      method: 'POST',
      headers: { origin: 'http://evil.test', authorization: `Bearer ${visitor.token}` },
      body: new FormData(),
    });
    expect(foreign.status).toBe(403);
  });

  it('stores nothing of an upload cut off halfway', async () => {
    const [uploadsBefore, filesBefore] = [await uploadCount(server), (await keptFiles(server)).length];
    const boundary = 'cutoffboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const url = new URL(server.url);
    const closed = new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /api/sites/shop/uploads HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${SITE_ORIGIN}\r\n` +
            `Authorization: Bearer ${visitor.token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
            `Content-Length: 200000\r\n\r\n${head}${'x'.repeat(50_000)}`,
        );
        // Half of what was announced, then the connection is gone.
        setTimeout(() => socket.end(), 100);
      });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', () => resolve(answer));
    });
    await closed;
    // The server notices the cut within a second; by then nothing may be left of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await uploadCount(server)).toBe(uploadsBefore);
    expect(await keptFiles(server)).toHaveLength(filesBefore);
  });
});

describe('an operator uploads a file', () => {
  it('uploads with the session, and is refused without one', async () => {
    const operator = await createOperator(server, 'Olga');
    const cookie = await loginCookie(server, operator.email);
    const result = await operatorUpload(server, cookie, 'reply.pdf', PDF);
    expect(result.status).toBe(201);
    const [row] = await server.sql<{ owner_operator_id: string; owner_visitor_id: null }>(
      'SELECT owner_operator_id, owner_visitor_id FROM uploads WHERE id = ?',
      result.body.attachment?.id,
    );
    expect(row).toEqual({ owner_operator_id: operator.id, owner_visitor_id: null });
    const anonymous = await operatorUpload(server, '', 'reply.pdf', PDF);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('unauthorized');
  });

  it('refuses an operator’s file of a refused kind the same way', async () => {
    const operator = await createOperator(server, 'Pavel');
    const cookie = await loginCookie(server, operator.email);
    const result = await operatorUpload(server, cookie, 'tools.zip', ZIP);
    expect(result.status).toBe(415);
    expect(result.body.error?.code).toBe('file_kind_refused');
  });
});
