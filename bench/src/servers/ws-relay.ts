// R1: the transport's limit, a bare `ws` relay between a visitor socket and the operator sockets of
// its room, with no validation and no storage.

import { createServer, type Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { LISTEN_BACKLOG } from '@livechat/server/src/http/listen.ts';
import { clockMs } from '../stats.ts';
import { serve, settledMemory } from '../rpc.ts';
import { Probe } from './probe.ts';

interface Room {
  visitors: Set<WebSocket>;
  operators: Set<WebSocket>;
}

const rooms = new Map<string, Room>();
const probe = new Probe();
let http: Server | null = null;
let wss: WebSocketServer | null = null;

function room(id: string): Room {
  let found = rooms.get(id);
  if (!found) rooms.set(id, (found = { visitors: new Set(), operators: new Set() }));
  return found;
}

function forward(targets: Set<WebSocket>, data: Buffer): void {
  for (const socket of targets) if (socket.readyState === WebSocket.OPEN) socket.send(data, { binary: false });
}

function accept(socket: WebSocket, url: URL): void {
  if (url.searchParams.get('role') === 'operator') {
    // An operator's frame is "<room>\t<payload>": the one piece of framing a relay cannot do without.
    const joined = (url.searchParams.get('rooms') ?? '').split(',').map(room);
    for (const r of joined) r.operators.add(socket);
    socket.on('message', (data: Buffer) => {
      const tab = data.indexOf(9);
      if (tab > 0) forward(room(data.subarray(0, tab).toString()).visitors, data.subarray(tab + 1));
    });
    socket.on('close', () => joined.forEach((r) => r.operators.delete(socket)));
  } else {
    const own = room(url.searchParams.get('room') ?? '');
    own.visitors.add(socket);
    socket.on('message', (data: Buffer) => forward(own.operators, data));
    socket.on('close', () => own.visitors.delete(socket));
  }
}

serve({
  async start({ port }: { port: number }) {
    http = createServer();
    wss = new WebSocketServer({ server: http });
    wss.on('connection', (socket, request) => accept(socket, new URL(request.url ?? '/', 'http://relay')));
    // The same listen backlog as the live chat's: the kernel's queue is not what is compared.
    await new Promise<void>((resolve) => http?.listen(port, '127.0.0.1', LISTEN_BACKLOG, resolve));
    const address = http.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { url: `http://127.0.0.1:${address.port}`, port: address.port, listenedAt: clockMs() };
  },
  memory: () => settledMemory(),
  probeBegin: () => probe.begin(),
  probeEnd: () => probe.end(),
  async stop() {
    for (const socket of wss?.clients ?? []) socket.terminate();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  },
});
