// A minimal client of the live chat's wire protocol for the load generator: frames in and out,
// requests matched to their answers by frame id.

import type { ClientToServer, ServerToClient } from '@livechat/protocol';
import WebSocket from 'ws';

export type Frame = ServerToClient;
type Answer = Extract<Frame, { type: 'message.ack' | 'sync.result' }>;

export class LcSocket {
  private counter = 0;
  private readonly waiting = new Map<string, { resolve: (f: Answer) => void; reject: (e: Error) => void }>();
  /** Called for every frame that is not the answer to a request. */
  onFrame: (frame: Frame) => void = () => {};
  /** Called once the socket has closed, with the close code. */
  onClose: (code: number) => void = () => {};

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const id =
        frame.type === 'message.ack' || frame.type === 'sync.result'
          ? frame.id
          : frame.type === 'error'
            ? frame.frameId
            : null;
      const waiter = id === null ? undefined : this.waiting.get(id);
      if (waiter && id !== null) {
        this.waiting.delete(id);
        if (frame.type === 'error') waiter.reject(new Error(`${frame.code}: ${frame.message}`));
        else waiter.resolve(frame as Answer);
        // Answers also pass through, so that callers can count deliveries inside sync results.
      }
      this.onFrame(frame);
    });
    socket.on('close', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error('socket closed'));
      this.waiting.clear();
      this.onClose(code);
    });
    socket.on('error', () => {
      // 'close' follows and carries the consequences.
    });
  }

  /** Opens a socket and waits for the server's welcome frame. */
  static connect(url: string, headers: Record<string, string>): Promise<{ socket: LcSocket; welcome: Frame }> {
    return new Promise((resolve, reject) => {
      const raw = new WebSocket(url, { headers, perMessageDeflate: false });
      const socket = new LcSocket(raw);
      const fail = (error: Error) => reject(error);
      raw.once('error', fail);
      raw.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.onFrame = (frame) => {
        if (frame.type !== 'welcome') return;
        raw.off('error', fail);
        socket.onFrame = () => {};
        resolve({ socket, welcome: frame });
      };
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  nextId(): string {
    this.counter += 1;
    return `f${this.counter}`;
  }

  send(frame: ClientToServer): void {
    if (this.open) this.socket.send(JSON.stringify(frame));
  }

  /** Sends a frame that the server answers (message.send, sync) and resolves with the answer. */
  request<T extends Answer['type']>(frame: ClientToServer & { id: string }): Promise<Extract<Answer, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiting.set(frame.id, { resolve: resolve as (f: Answer) => void, reject });
      this.send(frame);
    });
  }

  close(): void {
    this.socket.close();
  }

  /** Drops the connection without a closing handshake, as a lost network does. */
  terminate(): void {
    this.socket.terminate();
  }
}

export interface Endpoint {
  url: string;
  origin: string;
  site: string;
}

export const visitorSocketUrl = (server: Endpoint, token: string) =>
  `${server.url.replace('http', 'ws')}/ws/visitor?site=${server.site}&token=${encodeURIComponent(token)}`;

export function connectVisitor(server: Endpoint, token: string) {
  return LcSocket.connect(visitorSocketUrl(server, token), { origin: server.origin });
}

export function connectOperator(server: Endpoint, cookie: string) {
  return LcSocket.connect(`${server.url.replace('http', 'ws')}/ws/operator`, { origin: server.url, cookie });
}

/** Runs `task` over the items with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}
