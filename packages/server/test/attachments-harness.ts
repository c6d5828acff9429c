// For the attachments' tests: real multipart uploads over HTTP, sample files, and what is stored.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody, ErrorCode, Message, UploadCreated, Visibility } from '@livechat/protocol';
import { type Client, SITE_ORIGIN, type TestServer } from './harness.ts';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A ZIP archive holding one empty file: a kind no site takes. */
export const ZIP = Buffer.from(
  '504b03040a0000000000000000000000000000000000000000000100000061504b01023f000a000000000000000000000000000000000000000000010000000000000000000000000000000000000061504b050600000000010001002f0000001f0000000000',
  'hex',
);

export interface UploadAnswer {
  status: number;
  headers: Headers;
  body: Partial<ErrorBody> & Partial<UploadCreated>;
}

function form(name: string, bytes: Buffer, claimedType = 'application/octet-stream'): FormData {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)], { type: claimedType }), name);
  return body;
}

async function answer(response: Response): Promise<UploadAnswer> {
  return { status: response.status, headers: response.headers, body: (await response.json()) as UploadAnswer['body'] };
}

/** The widget's upload from a page of the shop, with the visitor's token. */
export async function visitorUpload(
  server: TestServer,
  token: string,
  name: string,
  bytes: Buffer,
  claimedType?: string,
): Promise<UploadAnswer> {
  const response = await fetch(`${server.url}/api/sites/shop/uploads`, {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, authorization: `Bearer ${token}` },
    body: form(name, bytes, claimedType),
  });
  return answer(response);
}

/** The operator UI's upload, with the session cookie. */
export async function operatorUpload(server: TestServer, cookie: string, name: string, bytes: Buffer) {
  const response = await fetch(`${server.url}/api/operator/uploads`, {
    method: 'POST',
    headers: { origin: server.origin, cookie },
    body: form(name, bytes),
  });
  return answer(response);
}

/** The files kept in DATA_DIR/files, the temporary folder's leftovers included. */
export function storedFiles(server: TestServer): string[] {
  const root = join(server.dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/**
 * The bytes the server keeps, wherever its store keeps them: the files on disk beside SQLite, or the
 * hashes of PostgreSQL's file_bytes rows (each ends with its hash, as a file's path does).
 */
export async function keptFiles(server: TestServer): Promise<string[]> {
  if (!server.databaseUrl) return storedFiles(server);
  return (await server.sql<{ hash: string }>('SELECT hash FROM file_bytes ORDER BY hash')).map((row) => row.hash);
}

export const uploadCount = async (server: TestServer): Promise<number> =>
  (await server.sql<{ n: number }>('SELECT count(*) AS n FROM uploads'))[0]?.n ?? 0;

/** The id of an upload that was taken; fails the test when the upload was refused. */
export function idOf(upload: UploadAnswer): string {
  const id = upload.body.attachment?.id;
  if (!id) throw new Error(`upload refused: ${upload.status} ${JSON.stringify(upload.body)}`);
  return id;
}

/** What a message.send with files is answered with: the stored message, or the error's code. */
export type SendAnswer = { message: Message } | { error: ErrorCode; text: string };

async function answered(client: Client, id: string): Promise<SendAnswer> {
  const ack = client.wait('message.ack', (frame) => frame.id === id);
  const error = client.wait('error', (frame) => frame.frameId === id);
  // Only one of them comes: the other one's time-out must not surface as an unhandled rejection.
  ack.catch(() => {});
  error.catch(() => {});
  const frame = await Promise.race([ack, error]);
  return frame.type === 'message.ack' ? { message: frame.message } : { error: frame.code, text: frame.message };
}

/** The widget sends a caption (possibly empty) with uploads. */
export async function visitorSends(
  client: Client,
  body: string,
  attachmentIds: string[],
  clientId = `v-${Math.random().toString(36).slice(2)}`,
): Promise<SendAnswer> {
  const id = client.nextId();
  client.send({ type: 'message.send', id, clientId, body, attachmentIds });
  return answered(client, id);
}

/** The operator UI sends a reply or a note with uploads. */
export async function operatorSends(
  client: Client,
  conversationId: string,
  body: string,
  attachmentIds: string[],
  visibility: Visibility = 'public',
  clientId = `o-${Math.random().toString(36).slice(2)}`,
): Promise<SendAnswer> {
  const id = client.nextId();
  client.send({ type: 'message.send', id, conversationId, clientId, body, visibility, attachmentIds });
  return answered(client, id);
}

/** The stored message of an answer; fails the test when it was refused. */
export function sent(answer: SendAnswer): Message {
  if ('error' in answer) throw new Error(`refused: ${answer.error} ${answer.text}`);
  return answer.message;
}

/** Everything a refused send must leave as it was. */
export const storedCounts = async (server: TestServer) =>
  (
    await server.sql<{ messages: number; conversations: number; uploads: number; taken: number }>(
      `SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM conversations) AS conversations,
       (SELECT count(*) FROM uploads) AS uploads,
       (SELECT count(*) FROM uploads WHERE message_id IS NOT NULL) AS taken`,
    )
  )[0];

/** Fetches a file URL of an attachment (a path on the server) with optional headers. */
export function fetchFile(server: TestServer, url: string, headers: Record<string, string> = {}, method = 'GET') {
  return fetch(`${server.url}${url}`, { method, headers });
}
