// Clients of the two reference relays (R1 bare ws, R2 Socket.IO), shaped like the live chat's.

import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

export interface RelaySocket {
  /** A visitor's message to its room's operators, or an operator's reply to a room's visitor. */
  send(body: string, room?: string): Promise<void>;
  onBody: (body: string) => void;
  onClose: () => void;
  terminate(): void;
  close(): void;
}

const wsUrl = (url: string) => url.replace('http', 'ws');

export function connectR1(url: string, query: Record<string, string>): Promise<RelaySocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl(url)}/?${new URLSearchParams(query)}`, { perMessageDeflate: false });
    const relay: RelaySocket = {
      async send(body, room) {
        if (socket.readyState === WebSocket.OPEN) socket.send(room ? `${room}\t${body}` : body);
      },
      onBody: () => {},
      onClose: () => {},
      terminate: () => socket.terminate(),
      close: () => socket.close(),
    };
    socket.on('message', (data) => relay.onBody(data.toString()));
    socket.once('open', () => resolve(relay));
    socket.once('error', reject);
    socket.on('close', () => relay.onClose());
  });
}

/** Socket.IO with its defaults, except that the client starts on WebSocket rather than long-polling. */
export function connectR2(url: string, query: Record<string, string>): Promise<RelaySocket & { io: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], query, forceNew: true });
    const relay = {
      io: socket,
      send(body: string, room?: string) {
        // Resolves on the server's ack; a socket that is down buffers the emit until it reconnects.
        return new Promise<void>((done) => {
          if (room) socket.emit('reply', room, body, () => done());
          else socket.emit('msg', body, () => done());
        });
      },
      onBody: (_body: string) => {},
      onClose: () => {},
      terminate: () => socket.io.engine?.close(),
      close: () => socket.disconnect(),
    };
    socket.on('msg', (body: string) => relay.onBody(body));
    socket.on('disconnect', () => relay.onClose());
    socket.once('connect', () => resolve(relay));
    socket.once('connect_error', reject);
  });
}
