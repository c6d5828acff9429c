// The operator's WebSocket: connects, keeps alive with pings, and reconnects with backoff until stopped.

import {
  CLOSE_SESSION_ENDED,
  CLOSE_TOO_MANY_SOCKETS,
  type OperatorToServer,
  type ServerToClient,
} from '@livechat/protocol';
import { newId } from '../state/ids.ts';
import type { ConnectionStatus } from '../state/workspace.ts';
import { afterClose } from './backoff.ts';

/** Close code the server uses when the session cookie is missing or no longer valid. */
export const SESSION_INVALID_CLOSE_CODE = 4401;
const PING_INTERVAL_MS = 25_000;
/** With a ping every 25 s, this much silence means the connection is dead even if no close came. */
const SILENCE_LIMIT_MS = 60_000;

export interface SocketHandlers {
  onFrame(frame: ServerToClient): void;
  /** The server greeted this connection: (re)send whatever the server must know. */
  onReady(): void;
  onStatus(status: ConnectionStatus): void;
  /** The connection dropped; `failures` counts drops in a row without a welcome. */
  onDisconnected(failures: number): void;
  onSessionInvalid(): void;
  /** The server refused this socket as one too many (`reason` says which limit); it waits `delayMs` to try again. */
  onTooManySockets(reason: string, delayMs: number): void;
}

export function operatorSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/operator`;
}

export class OperatorSocket {
  private socket: WebSocket | null = null;
  private ready = false;
  private stopped = true;
  private failures = 0;
  private lastHeard = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Until then not even the browser's "online" may reconnect: the server said there are too many sockets. */
  private heldUntil = 0;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly url: string,
    private readonly handlers: SocketHandlers,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.drop();
    this.handlers.onStatus('offline');
  }

  /** Skips the remaining backoff, e.g. when the browser says the network is back. */
  reconnectNow(): void {
    if (this.stopped || this.socket || Date.now() < this.heldUntil) return;
    this.clearTimers();
    this.connect();
  }

  /** Sends when connected; returns false otherwise (callers resend on the next `onReady`). */
  send(frame: OperatorToServer): boolean {
    if (!this.ready || !this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    this.handlers.onStatus('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.lastHeard = Date.now();
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'welcome') {
        this.ready = true;
        this.failures = 0;
        this.startPinging();
        this.handlers.onStatus('online');
        this.handlers.onFrame(frame);
        this.handlers.onReady();
        return;
      }
      this.handlers.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.handleClose(event.code, event.reason);
    };
    // An error is always followed by a close, which does the work.
    socket.onerror = () => {};
  }

  private handleClose(code: number, reason = ''): void {
    this.drop();
    this.clearTimers();
    if (this.stopped) return;
    const next = afterClose(code, this.failures + 1, {
      sessionEnded: [SESSION_INVALID_CLOSE_CODE, CLOSE_SESSION_ENDED],
      tooManySockets: CLOSE_TOO_MANY_SOCKETS,
    });
    // Reconnecting with an ended session would only be refused again, in a loop.
    if (next.kind === 'signed-out') {
      this.stopped = true;
      this.handlers.onStatus('offline');
      this.handlers.onSessionInvalid();
      return;
    }
    this.failures += 1;
    this.handlers.onStatus('offline');
    if (next.kind === 'too-many-sockets') {
      this.heldUntil = Date.now() + next.delayMs;
      this.handlers.onTooManySockets(reason, next.delayMs);
    } else {
      this.handlers.onDisconnected(this.failures);
    }
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, next.delayMs);
  }

  private startPinging(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
        // The close event of a dead connection may take minutes; act now.
        this.handleClose(1006);
        return;
      }
      this.send({ type: 'ping', id: newId() });
    }, PING_INTERVAL_MS);
  }

  /** Detaches and closes the current socket so none of its late events are handled. */
  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (!socket) return;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }
}

function parseFrame(data: unknown): ServerToClient | null {
  if (typeof data !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(data);
    if (typeof frame === 'object' && frame !== null && 'type' in frame && typeof frame.type === 'string') {
      return frame as ServerToClient;
    }
  } catch {
    // A frame that is not JSON is ignored; the server never sends one.
  }
  return null;
}
