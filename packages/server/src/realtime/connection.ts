// One WebSocket connection: every outgoing frame passes the visibility gate here, slow readers are
// cut off, and incoming frames are handled one at a time in arrival order.

import { type Audience, type ErrorCode, type Message, type ServerToClient, frameFor } from '@livechat/protocol';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { AppError, RateLimited } from '../errors.ts';
import type { FileLinks } from '../files/links.ts';
import { newId } from '../ids.ts';
import type { ConversationFeed } from './feed.ts';

export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * A new message goes to every connection that follows its conversation, each through its own
 * feed, but always as the same message object: it is serialised once per audience for all of them
 * (visitors and operators get different file links). Messages are never changed after they are
 * stored, and a live frame goes out at once, so the cached bytes (and their signed links) cannot go
 * stale.
 */
const createdFrames: Record<Audience, WeakMap<Message, Buffer>> = { visitor: new WeakMap(), operator: new WeakMap() };

function serialised(audience: Audience, frame: ServerToClient, links: FileLinks): string | Buffer {
  if (frame.type !== 'message.created') return JSON.stringify(links.frame(audience, frame));
  const cache = createdFrames[audience];
  let bytes = cache.get(frame.message);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(links.frame(audience, frame)));
    cache.set(frame.message, bytes);
  }
  return bytes;
}

/** The TCP socket under a WebSocket (ws keeps it as `_socket`; gone once the socket is closed). */
export function tcpOf(socket: WebSocket): Socket | undefined {
  return (socket as unknown as { _socket?: Socket })._socket;
}

/**
 * Frames sent in one turn of the event loop leave in one write per socket: a socket is corked at its
 * first frame of the turn and uncorked once the turn's I/O has been handled (the ack, the message and
 * the listing update an operator gets for one visitor message go out together, not as three writes).
 */
const corked = new Set<Socket>();
let uncorkScheduled = false;

function uncorkAll(): void {
  uncorkScheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/** Beyond this much held back in one turn, a socket writes at once (a resumed backlog, say). */
const CORKED_BYTES = 64 * 1024;

function corkForThisTurn(socket: Socket | undefined): void {
  if (!socket) return;
  if (corked.has(socket)) {
    // Held back, it would count as unread for the slow-reader cap: hand it to the kernel now.
    if (socket.writableLength < CORKED_BYTES) return;
    corked.delete(socket);
    socket.uncork();
  }
  socket.cork();
  corked.add(socket);
  if (!uncorkScheduled) {
    uncorkScheduled = true;
    setImmediate(uncorkAll);
  }
}

export class Connection {
  readonly id = newId();
  readonly feeds = new Map<string, ConversationFeed>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly audience: Audience,
    private readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
    private readonly log: Logger,
    private readonly links: FileLinks,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * The only way a frame leaves the server: what the audience may not see never goes out, and what
   * goes out carries the file links of this audience only (after the gate, so a note's never do).
   */
  send(frame: ServerToClient): void {
    const allowed = frameFor(this.audience, frame);
    if (allowed === null || !this.open) return;
    // A frame the gate changed for this audience is its own; only unchanged ones share bytes.
    this.sendRaw(
      allowed === frame
        ? serialised(this.audience, frame, this.links)
        : JSON.stringify(this.links.frame(this.audience, allowed)),
    );
  }

  /** For a frame already serialised once for many connections of the same audience. */
  sendSerialised(frame: ServerToClient, serialised: string): void {
    if (frameFor(this.audience, frame) !== frame || !this.open) return;
    this.sendRaw(serialised);
  }

  /**
   * Acks a stored message once this connection has been given every earlier message of its
   * conversation, so an ack never overtakes one: the highest seq a client has seen is always a safe
   * point to resume from.
   */
  async acknowledge(frameId: string, message: Message): Promise<void> {
    const feed = this.feeds.get(message.conversationId);
    await feed?.reached(message.seq - 1);
    // The ack gives the message: a feed that reads it from the database (its bus event was lost) must
    // not send it to its author a second time.
    feed?.push(message, true);
    this.send({ type: 'message.ack', id: frameId, message });
  }

  error(code: ErrorCode, message: string, frameId: string | null, retryAfterMs?: number): void {
    this.send({ type: 'error', code, message, frameId, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  /** Runs frame handlers strictly one after another; a failure answers with a typed error. */
  enqueue(frameId: string | null, work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((cause: unknown) => {
      if (cause instanceof RateLimited) {
        // The frame was not applied; the socket stays open for what comes after the wait.
        this.error(cause.code, cause.message, frameId, cause.retryAfterMs);
      } else if (cause instanceof AppError) {
        this.error(cause.code, cause.message, frameId);
      } else {
        this.log.error({ err: cause }, 'frame handler failed');
        this.error('internal', 'something went wrong; nothing was changed', frameId);
      }
    });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /**
   * Closes at once for a reason on the server's side (a session that ended): nothing more it sends
   * is handled, and a client that does not answer the close is cut off after `graceMs`.
   */
  end(code: number, reason: string, graceMs: number): void {
    this.socket.removeAllListeners('message');
    this.socket.close(code, reason);
    const timer = setTimeout(() => this.socket.terminate(), graceMs);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }

  dispose(): void {
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
  }

  private sendRaw(data: string | Buffer): void {
    // Corked first: a large turn's bytes reach the kernel before the check below counts them.
    corkForThisTurn(tcpOf(this.socket));
    // A client that stops reading must not make the server hold an unbounded backlog: drop it,
    // it resumes from its last seq when it reconnects.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.log.warn(
        { connection: this.id, buffered: this.socket.bufferedAmount },
        'closing a socket that does not read',
      );
      this.socket.terminate();
      return;
    }
    // Text frames, also when the bytes were prepared once for many sockets.
    this.socket.send(data, { binary: false });
  }
}
