// This node's open WebSockets: each becomes a Connection whose frames are checked before any handler
// sees them, unanswered pings end a socket, and a shutdown tells every client to come back.

import { CLOSE_SERVICE_RESTART } from '@livechat/protocol';
import type { ParseResult } from '@livechat/protocol/validate';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Config } from '../config.ts';
import type { FileLinks } from '../files/links.ts';
import { Connection, type Logger, tcpOf } from './connection.ts';

/** How long a shutdown waits for clients to answer its close frames. */
const CLOSE_GRACE_MS = 1000;

export interface SocketDeps {
  config: Pick<Config, 'maxBufferedBytes' | 'maxFrameBytes'>;
  log: Logger;
  links: FileLinks;
}

export class Sockets {
  private readonly open = new Set<WebSocket>();
  private readonly alive = new WeakMap<WebSocket, boolean>();

  constructor(private readonly deps: SocketDeps) {}

  /**
   * A new socket as a connection: a frame that is binary, too large or not one `parse` knows is
   * answered with an error; every other one goes to `handle`, one at a time in arrival order.
   */
  attach<T extends { id: string }>(
    socket: WebSocket,
    audience: 'visitor' | 'operator',
    parse: (raw: string) => ParseResult<T>,
    handle: (frame: T) => Promise<void>,
  ): Connection {
    const { config, log, links } = this.deps;
    const connection = new Connection(audience, socket, config.maxBufferedBytes, log, links);
    releaseUpgrade(socket);
    this.open.add(socket);
    this.alive.set(socket, true);
    // Attached before any await: frames that arrive while the connection is being set up wait
    // in the connection's queue instead of being dropped.
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? data.reduce((n, part) => n + part.length, 0) : data.byteLength;
      if (isBinary)
        return connection.enqueue(null, async () => connection.error('bad_frame', 'frames are JSON text', null));
      if (bytes > config.maxFrameBytes) {
        return connection.enqueue(null, async () =>
          connection.error('frame_too_large', `frames are limited to ${config.maxFrameBytes} bytes`, null),
        );
      }
      const parsed = parseSafely(parse, data.toString());
      if (!parsed.ok) {
        return connection.enqueue(parsed.frameId, async () =>
          connection.error(parsed.code, parsed.message, parsed.frameId),
        );
      }
      connection.enqueue(parsed.frame.id, () => handle(parsed.frame));
    });
    socket.on('pong', () => this.alive.set(socket, true));
    socket.on('error', (err) => log.warn({ err }, 'socket error'));
    socket.once('close', () => {
      this.open.delete(socket);
      connection.dispose();
    });
    return connection;
  }

  /** Ends each socket that did not answer the last ping, and pings the others. */
  ping(): void {
    for (const socket of this.open) {
      if (this.alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      this.alive.set(socket, false);
      socket.ping();
    }
  }

  /**
   * No frame is handled any more (what a client sent and was not acknowledged stays in its outbox,
   * to be sent again), and every socket is told the server is restarting (1012), so that widgets come
   * back as soon as it listens again rather than after their growing backoff.
   */
  restarting(): void {
    for (const socket of this.open) {
      socket.removeAllListeners('message');
      socket.close(CLOSE_SERVICE_RESTART, 'server restarting');
    }
  }

  /** Waits up to `graceMs` for the sockets' close handshakes, then drops whatever is left. */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.restarting();
    const closed = [...this.open].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    for (const socket of this.open) socket.terminate();
  }
}

/**
 * Lets go of the HTTP upgrade request once the socket is open: left alone, the TCP socket keeps the
 * upgrade's response object (and through it the request, its headers and the route's error handler,
 * about half of an idle connection's memory) for as long as the connection lives. Socket errors are
 * logged by the connection's own listener.
 */
function releaseUpgrade(socket: WebSocket): void {
  socket.removeAllListeners('error');
  const tcp = tcpOf(socket) as (Socket & { _httpMessage?: ServerResponse | null }) | undefined;
  tcp?._httpMessage?.detachSocket(tcp);
}

/**
 * Parsing runs in the socket's event handler, where a throw would end the process: a frame the parser
 * cannot take is a refused frame, never a crash.
 */
function parseSafely<F>(parse: (raw: string) => ParseResult<F>, raw: string): ParseResult<F> {
  try {
    return parse(raw);
  } catch {
    return { ok: false, code: 'bad_frame', message: 'frame could not be read', frameId: null };
  }
}
