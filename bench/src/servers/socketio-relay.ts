// R2: what a developer would build a chat with by hand, a Socket.IO relay with default settings.

import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { LISTEN_BACKLOG } from '@livechat/server/src/http/listen.ts';
import { clockMs } from '../stats.ts';
import { serve, settledMemory } from '../rpc.ts';
import { Probe } from './probe.ts';

const probe = new Probe();
let http: HttpServer | null = null;
let io: Server | null = null;

type Ack = (() => void) | undefined;

serve({
  async start({ port }: { port: number }) {
    http = createServer();
    const server = new Server(http);
    io = server;
    server.on('connection', (socket) => {
      const { role, room, rooms } = socket.handshake.query as Record<string, string | undefined>;
      if (role === 'operator') {
        for (const id of (rooms ?? '').split(',')) void socket.join(`o:${id}`);
        socket.on('reply', (id: string, body: string, ack: Ack) => {
          server.to(`v:${id}`).emit('msg', body);
          ack?.();
        });
      } else {
        void socket.join(`v:${room}`);
        socket.on('msg', (body: string, ack: Ack) => {
          server.to(`o:${room}`).emit('msg', body);
          ack?.();
        });
      }
    });
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
    io?.disconnectSockets(true);
    await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  },
});
