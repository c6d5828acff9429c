// The operator socket against a real server that refuses it as one socket too many (close 4029): it says why once and
// waits, rather than reconnecting in a tight loop.

import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../state/workspace.ts';
import { OperatorSocket } from './socket.ts';

const REASON = 'too many sockets for this session';
let server: Server;
let url = '';
let upgrades = 0;
const open = new Set<Socket>();
const browser = new Window();
const savedWebSocket = globalThis.WebSocket;

/** Completes the WebSocket handshake, then closes at once with 4029 and the reason, as the server's limit does. */
function refuse(request: { headers: Record<string, string | string[] | undefined> }, socket: Socket): void {
  upgrades += 1;
  open.add(socket);
  socket.on('close', () => open.delete(socket));
  const key = String(request.headers['sec-websocket-key']);
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const reason = Buffer.from(REASON);
  const payload = Buffer.concat([Buffer.from([4029 >> 8, 4029 & 0xff]), reason]);
  socket.write(Buffer.concat([Buffer.from([0x88, payload.length]), payload]));
  // The client answers with its own close frame; then the connection ends, as the closing handshake goes.
  socket.once('data', () => socket.end());
}

beforeAll(async () => {
  Object.defineProperty(globalThis, 'WebSocket', { value: browser.WebSocket, configurable: true, writable: true });
  server = createServer();
  server.on('upgrade', (request, socket) => refuse(request, socket as Socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `ws://127.0.0.1:${address.port}/ws/operator`;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  Object.defineProperty(globalThis, 'WebSocket', { value: savedWebSocket, configurable: true, writable: true });
  await browser.happyDOM.close();
});

describe('a socket refused as one too many', () => {
  it('says why once, does not retry within the next second and a half, and ignores "back online"', async () => {
    const refusals: Array<{ reason: string; delayMs: number }> = [];
    const statuses: ConnectionStatus[] = [];
    let drops = 0;
    const socket = new OperatorSocket(url, {
      onFrame: () => undefined,
      onReady: () => undefined,
      onStatus: (status) => statuses.push(status),
      onDisconnected: () => {
        drops += 1;
      },
      onSessionInvalid: () => undefined,
      onTooManySockets: (reason, delayMs) => refusals.push({ reason, delayMs }),
    });
    socket.start();
    await expect.poll(() => refusals.length, { timeout: 2_000 }).toBe(1);
    socket.reconnectNow();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    socket.stop();
    expect(upgrades).toBe(1);
    expect(refusals).toEqual([{ reason: REASON, delayMs: expect.any(Number) }]);
    expect(refusals[0]?.delayMs).toBeGreaterThanOrEqual(60_000);
    expect(drops).toBe(0);
    expect(statuses).toEqual(['connecting', 'offline', 'offline']);
  });
});
