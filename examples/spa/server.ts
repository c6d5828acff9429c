// The example app's tiny backend: serves the built app, tells it where the chat is, and signs user ids for identify().

import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExampleServerOptions {
  /** The built app (vite build). */
  root: string;
  /** The chat server's origin. */
  chatServer: string;
  site: string;
  /** The site's identity secret, from the chat server's admin API; it never leaves this backend. */
  secret: string;
  port?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** hex(HMAC-SHA256(secret, user id)): what the chat server checks identify() against. */
export const identityHash = (secret: string, userId: string): string =>
  createHmac('sha256', secret).update(userId).digest('hex');

async function readJson(request: import('node:http').IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body || '{}') as Record<string, unknown>;
}

export async function startExampleServer(options: ExampleServerOptions): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    try {
      if (path === '/api/config') return json(200, { server: options.chatServer, site: options.site });
      if (path === '/api/login' && request.method === 'POST') {
        // A real backend signs the id of the user its session says is logged in, never one the browser picks.
        const input = await readJson(request);
        const id = String(input.id ?? '');
        if (!id) return json(400, { error: 'id required' });
        return json(200, { id, name: input.name, email: input.email, hash: identityHash(options.secret, id) });
      }
      const file = extname(path) ? normalize(join(options.root, path)) : join(options.root, 'index.html');
      if (!file.startsWith(options.root)) return json(404, { error: 'not found' });
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      json(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

// Run directly: CHAT_SERVER=http://localhost:3000 SITE=demo IDENTITY_SECRET=… PORT=5174 tsx examples/spa/server.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { CHAT_SERVER = 'http://localhost:3000', SITE = 'demo', IDENTITY_SECRET, PORT = '5174' } = process.env;
  if (!IDENTITY_SECRET)
    throw new Error('set IDENTITY_SECRET to the site secret (GET /api/operator/sites/SITE/identity as an admin)');
  const root = fileURLToPath(new URL('./dist', import.meta.url));
  startExampleServer({ root, chatServer: CHAT_SERVER, site: SITE, secret: IDENTITY_SECRET, port: Number(PORT) }).then(
    ({ url }) => console.log(`example app on ${url}; allow this origin for site ${SITE}`),
  );
}
