// A real HTTP server on loopback that answers the widget's site routes with fixed JSON, for tests of what the widget does with each answer.

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status: number;
  body?: unknown;
}

export interface Received {
  route: string;
  authorization: string | undefined;
  body: string;
}

export interface SiteServer {
  origin: string;
  /** Method and path of every request, in order. */
  requests: string[];
  /** Every request with its bearer header and body text, in order. */
  received: Received[];
  close(): Promise<void>;
}

/** Answers `METHOD /path` from `routes` (with CORS for any origin, as the chat server does for allowed ones); 404 otherwise. */
export async function startSiteServer(routes: Record<string, Reply>): Promise<SiteServer> {
  const requests: string[] = [];
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const route = `${request.method} ${request.url}`;
    requests.push(route);
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ route, authorization: request.headers.authorization, body });
    const reply = routes[route] ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `no route ${route}` } },
    };
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'access-control-allow-origin': request.headers.origin ?? '*',
    });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
