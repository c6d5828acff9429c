// The visitor's socket: resume by seq after every (re)connect, a persistent outbox, backoff and heartbeat.

import {
  type Attachment,
  type Author,
  CLOSE_NOT_AVAILABLE,
  CLOSE_SERVICE_RESTART,
  CLOSE_SESSION_ENDED,
  CLOSE_TOO_MANY_SOCKETS,
  type Message,
  type ServerToVisitor,
  type VisitorToServer,
} from '@livechat/protocol';
import { RetrySchedule } from './backoff.ts';
import { newClientId } from './client-id.ts';
import { ChatError } from './errors.ts';
import { boundedWait, tooManySocketsDelay } from './limits.ts';
import { Outbox, type OutboxItem } from './outbox.ts';
import { ReadThrottle } from './read-throttle.ts';
import { isRefusal } from './refusal.ts';
import { type KeyValueStore, storageKey } from './storage.ts';
import { TypingThrottle } from './typing-throttle.ts';

/** `crowded`: the server refused this socket because too many are open (other tabs); it tries again much later. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'blocked' | 'crowded';

export type TransportEvent =
  | { type: 'status'; status: ConnectionStatus }
  /** The visitor's open conversation is now this one (null: none until their next message). */
  | { type: 'conversation'; conversationId: string | null }
  /** A conversation of the visitor's ended (resolved, or ended by them): its messages are final, the next one starts afresh. */
  | { type: 'ended'; conversationId: string }
  /** `history`: the conversation as it was when this page connected, not something new. */
  | { type: 'messages'; messages: Message[]; history: boolean }
  /** The server refused something the visitor sent. */
  | { type: 'error'; code: string; message: string }
  /** The server refused the embed itself (`bad_origin`, `not_found`): the transport has stopped for good. */
  | { type: 'refused'; code: string; message: string }
  | { type: 'outbox'; items: OutboxItem[] }
  /** The server asked to slow down: unsent messages go out again in `retryAfterMs` (0 once they have). */
  | { type: 'limited'; retryAfterMs: number }
  | { type: 'typing'; author: Author; active: boolean }
  /** An operator has read the open conversation up to `seq`: the visitor's messages up to it are seen. */
  | { type: 'seen'; seq: number }
  /** Who the server knows the visitor as (a pre-chat form or an email ask need not ask again). */
  | { type: 'visitor'; name: string | null; email: string | null };

/** What the transport needs of a WebSocket, so tests can drive a fake one. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface TransportOptions {
  origin: string;
  siteId: string;
  storage: KeyValueStore;
  getToken(): Promise<string>;
  renewToken(rejected: string): Promise<string>;
  /** Asks the server whether it refuses the embed itself; null when it does not (or cannot be asked). */
  siteRefusal?(): Promise<ChatError | null>;
  onEvent(event: TransportEvent): void;
  openSocket?(url: string): SocketLike;
}

export const PING_INTERVAL_MS = 25_000;
/** A ping without any answer this long means the connection is dead even if the browser has not noticed. */
export const PONG_TIMEOUT_MS = 10_000;
const SOCKET_OPEN = 1;

export function socketUrl(origin: string, siteId: string, token: string): string {
  return `${origin.replace(/^http/, 'ws')}/ws/visitor?site=${encodeURIComponent(siteId)}&token=${encodeURIComponent(token)}`;
}

export class VisitorTransport {
  private socket: SocketLike | null = null;
  private token = '';
  private connecting = false;
  private stopped = false;
  private synced = false;
  private everOnline = false;
  private readonly retries = new RetrySchedule();
  private tokenRenewed = false;
  private conversationId: string | null = null;
  private lastSeq = 0;
  /** Whether the current conversation's past has been delivered; later syncs bring only what is new. */
  private replayed = false;
  /** Conversations that ended: their late lines are delivered, never resumed by seq. */
  private readonly ended = new Set<string>();
  /** The conversation the visitor asked to end, until the server confirms (sent again after a reconnect). */
  private ending: string | null = null;
  /** The id of the last conversation.end frame, to tie an error frame to it. */
  private endFrame: string | null = null;
  /** message.send frame id → clientId, to tie an error frame to the message it refused. */
  private readonly sendFrames = new Map<string, string>();
  private readonly outbox: Outbox;
  private readonly typing: TypingThrottle;
  private readonly reads = new ReadThrottle(
    (seq) => this.synced && this.sendFrame({ type: 'conversation.read', id: newClientId(9), seq }),
  );
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the server has asked to slow down, messages wait in the outbox; this ends the wait. */
  private limitTimer: ReturnType<typeof setTimeout> | undefined;
  /** After too many sockets, no reconnect (not even on wake) before this time. */
  private crowdedUntil = 0;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly conversationKey: string;

  constructor(private readonly options: TransportOptions) {
    this.conversationKey = storageKey(options.siteId, 'conversation');
    this.outbox = new Outbox(options.storage, storageKey(options.siteId, 'outbox'));
    this.typing = new TypingThrottle((active) => this.sendFrame({ type: 'typing.set', id: newClientId(9), active }));
  }

  start(): void {
    this.emit({ type: 'outbox', items: this.outbox.items() });
    if (typeof document !== 'undefined') {
      addEventListener('online', this.wake);
      document.addEventListener('visibilitychange', this.wake);
    }
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (typeof document !== 'undefined') {
      removeEventListener('online', this.wake);
      document.removeEventListener('visibilitychange', this.wake);
    }
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.limitTimer);
    const socket = this.socket;
    if (socket) {
      this.detach(socket);
      socket.close(1000);
    }
  }

  /** Queues a message; it goes out now if connected, otherwise right after the next sync. */
  send(body: string, attachments?: Attachment[]): void {
    this.typing.stop();
    const item: OutboxItem = { clientId: newClientId(), body, attachments, createdAt: new Date().toISOString() };
    this.emit({ type: 'outbox', items: this.outbox.add(item) });
    this.transmit(item);
  }

  /** Sends a refused message again, with its original clientId. */
  retry(clientId: string): void {
    this.emit({ type: 'outbox', items: this.outbox.setError(clientId, undefined) });
    const item = this.outbox.items().find((i) => i.clientId === clientId);
    if (item) this.transmit(item);
  }

  discard(clientId: string): void {
    this.emit({ type: 'outbox', items: this.outbox.remove([clientId]) });
  }

  /** Ends the visitor's open conversation: now if connected, otherwise after the next sync if it is still open. */
  end(): void {
    this.ending = this.conversationId;
    this.sendEnd();
  }

  noteTyping(): void {
    if (this.synced) this.typing.input();
  }

  stopTyping(): void {
    this.typing.stop();
  }

  /** The visitor has seen the open conversation up to `seq` (the panel showed it): told to the server, only forward. */
  markRead(seq: number): void {
    if (this.conversationId) this.reads.seen(seq);
  }

  // ---- connection lifecycle ------------------------------------------------------------------

  private async connect(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    if (this.stopped || this.socket || this.connecting) return;
    this.connecting = true;
    this.emit({ type: 'status', status: this.disconnectedStatus() });
    try {
      this.token = await this.options.getToken();
    } catch (error) {
      this.connecting = false;
      if (isRefusal(error)) return this.refuse(error);
      this.scheduleReconnect();
      return;
    }
    this.connecting = false;
    if (this.stopped) return;
    const open = this.options.openSocket ?? ((url: string) => new WebSocket(url));
    const socket = open(socketUrl(this.options.origin, this.options.siteId, this.token));
    this.socket = socket;
    let opened = false;
    socket.onopen = () => (opened = true);
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code, opened);
  }

  /** Reconnect now when the network returns or the tab becomes visible, instead of waiting out the backoff. */
  private readonly wake = (): void => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    if (Date.now() < this.crowdedUntil) return;
    if (this.socket) this.ping();
    else if (!this.connecting) void this.connect();
  };

  private closed(socket: SocketLike, code: number, opened: boolean): void {
    if (socket !== this.socket) return;
    this.detach(socket);
    if (this.stopped) return;
    // Too many sockets (other tabs): coming straight back would only be refused again, and not even a wake
    // brings the next attempt sooner.
    if (code === CLOSE_TOO_MANY_SOCKETS) {
      const wait = tooManySocketsDelay();
      this.crowdedUntil = Date.now() + wait;
      this.emit({ type: 'status', status: 'crowded' });
      this.scheduleReconnect(wait);
      return;
    }
    if (code === CLOSE_SERVICE_RESTART) this.retries.restarting();
    this.emit({ type: 'status', status: this.disconnectedStatus() });
    const token = this.token;
    void this.verdict(code, opened, token).then(async (verdict) => {
      if (verdict instanceof ChatError) return this.refuse(verdict);
      // An ended session's token is never used again; a rejected one is renewed once per welcome, so a
      // server that rejects every token does not get a new visitor minted at every attempt.
      if (verdict === 'ended' || (verdict === 'rejected' && !this.tokenRenewed)) {
        try {
          await this.options.renewToken(token);
          if (!this.tokenRenewed) {
            this.tokenRenewed = true;
            return void this.connect();
          }
        } catch (error) {
          if (isRefusal(error)) return this.refuse(error);
          // Minting failed (network, server down): the backoff below tries again later.
        }
      }
      this.scheduleReconnect();
    });
  }

  /** What a close means for the next attempt: same token, a new one, or none ever (a refusal). */
  private async verdict(
    code: number,
    opened: boolean,
    token: string,
  ): Promise<'retry' | 'rejected' | 'ended' | ChatError> {
    // The visitor's reset() (here or in another tab) or the server ended this token's session.
    if (code === CLOSE_SESSION_ENDED) return 'ended';
    // The site was archived or stopped allowing this page: the settings route says which, for good.
    if (code === CLOSE_NOT_AVAILABLE) return (await this.options.siteRefusal?.()) ?? 'retry';
    if (opened) return 'retry';
    // A refused upgrade reaches the browser as a bare close (1006) whatever the reason: ask over HTTP why.
    const [rejected, refusal] = await Promise.all([this.tokenRejected(token), this.options.siteRefusal?.() ?? null]);
    return refusal ?? (rejected ? 'rejected' : 'retry');
  }

  /** Stops for good: only the site's owner can change what the server refused. */
  private refuse(error: ChatError): void {
    this.stop();
    this.emit({ type: 'status', status: 'blocked' });
    this.emit({ type: 'refused', code: error.code, message: error.message });
  }

  /** Whether the server rejects the token itself (HTTP 401), as opposed to being unreachable. */
  private async tokenRejected(token: string): Promise<boolean> {
    try {
      const site = encodeURIComponent(this.options.siteId);
      const response = await fetch(`${this.options.origin}/api/sites/${site}/conversation`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.status === 401;
    } catch {
      return false;
    }
  }

  /** Forgets a socket: no more events from it, no timers for it. */
  private detach(socket: SocketLike): void {
    socket.onmessage = socket.onclose = socket.onopen = socket.onerror = null;
    if (this.socket === socket) this.socket = null;
    this.synced = false;
    this.typing.reset();
    this.sendFrames.clear();
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  private scheduleReconnect(delay = this.retries.next()): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  private disconnectedStatus(): ConnectionStatus {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
    return this.everOnline ? 'reconnecting' : 'connecting';
  }

  private ping(): void {
    if (!this.sendFrame({ type: 'ping', id: newClientId(9) }) || this.pongTimer !== undefined) return;
    this.pongTimer = setTimeout(() => {
      const socket = this.socket;
      if (!socket) return;
      socket.close(4000, 'no pong');
      // A half-open connection may take minutes to report its close; do not wait for it.
      this.closed(socket, 4000, true);
    }, PONG_TIMEOUT_MS);
  }

  // ---- frames --------------------------------------------------------------------------------

  private sendFrame(frame: VisitorToServer): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== SOCKET_OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  private sendEnd(): void {
    if (!this.synced || this.ending === null || this.ending !== this.conversationId) return;
    const id = newClientId(9);
    if (this.sendFrame({ type: 'conversation.end', id })) this.endFrame = id;
  }

  private transmit(item: OutboxItem): void {
    // While the server asks to slow down the message waits in the outbox; the end of the wait sends it.
    if (!this.synced || this.limitTimer !== undefined) return;
    const id = newClientId(9);
    const attachmentIds = item.attachments?.map((file) => file.id);
    if (this.sendFrame({ type: 'message.send', id, clientId: item.clientId, body: item.body, attachmentIds })) {
      this.sendFrames.set(id, item.clientId);
    }
  }

  private receive(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    let frame: ServerToVisitor;
    try {
      frame = JSON.parse(data) as ServerToVisitor;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'welcome': {
        // A renewed token may be another visitor: their conversation is not this one's sequel.
        const sameVisitor = !this.tokenRenewed;
        this.tokenRenewed = false;
        const conversationId = frame.conversation?.id ?? null;
        // A visitor has one open conversation: another one, or none, means theirs ended while away.
        if (sameVisitor && this.conversationId && conversationId !== this.conversationId) {
          this.conclude(this.conversationId);
        }
        this.enterConversation(conversationId);
        this.emit({ type: 'visitor', name: frame.visitor.name, email: frame.visitor.email });
        if (frame.conversation?.seenSeq) this.emit({ type: 'seen', seq: frame.conversation.seenSeq });
        this.sendFrame({ type: 'sync', id: newClientId(9), afterSeq: this.lastSeq });
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
        break;
      }
      case 'sync.result':
        // A sync answered just before a close may still name the ended conversation: it is not resumed.
        if (frame.conversationId && !this.ended.has(frame.conversationId)) this.enterConversation(frame.conversationId);
        if (frame.conversationId === this.conversationId) this.lastSeq = Math.max(this.lastSeq, frame.lastSeq);
        this.deliver(frame.messages, !this.replayed);
        this.replayed = true;
        this.synced = true;
        this.everOnline = true;
        this.retries.reset();
        this.emit({ type: 'status', status: 'online' });
        this.sendWaiting();
        this.reads.flush();
        break;
      case 'message.ack':
        this.sendFrames.delete(frame.id);
        this.deliver([frame.message]);
        break;
      case 'message.created':
        this.deliver([frame.message]);
        break;
      case 'conversation.closed':
        this.conclude(frame.conversationId);
        break;
      case 'conversation.seen':
        if (frame.conversationId === this.conversationId) this.emit({ type: 'seen', seq: frame.seq });
        break;
      case 'typing':
        if (frame.author.kind !== 'visitor') this.emit({ type: 'typing', author: frame.author, active: frame.active });
        break;
      case 'error': {
        if (frame.code === 'rate_limited') {
          // Nothing of the frame was applied. A message stays in the outbox, not failed, and goes again after the
          // wait, as does a refused conversation.end; typing and read frames are not worth resending.
          if (frame.frameId !== null && (this.sendFrames.delete(frame.frameId) || frame.frameId === this.endFrame))
            this.slowDown(boundedWait(frame.retryAfterMs));
          break;
        }
        if (frame.frameId !== null && frame.frameId === this.endFrame) {
          this.ending = this.endFrame = null;
          this.emit({ type: 'error', code: frame.code, message: frame.message });
          break;
        }
        const clientId = frame.frameId === null ? undefined : this.sendFrames.get(frame.frameId);
        if (clientId === undefined) break;
        this.sendFrames.delete(frame.frameId ?? '');
        this.emit({ type: 'outbox', items: this.outbox.setError(clientId, frame.message || frame.code) });
        this.emit({ type: 'error', code: frame.code, message: frame.message });
        break;
      }
      case 'pong':
        break;
    }
  }

  /** The server asked to slow down: the unsent messages wait out `wait` ms in the outbox, then go again. */
  private slowDown(wait: number): void {
    clearTimeout(this.limitTimer);
    this.emit({ type: 'limited', retryAfterMs: wait });
    this.limitTimer = setTimeout(() => {
      this.limitTimer = undefined;
      this.emit({ type: 'limited', retryAfterMs: 0 });
      this.sendWaiting();
    }, wait);
  }

  /** Sends what waits: the unsent messages (but those failed for good) and a conversation.end. */
  private sendWaiting(): void {
    for (const item of this.outbox.items()) if (!item.error) this.transmit(item);
    this.sendEnd();
  }

  /** A conversation ended: it is never resumed, and the visitor's next message starts a new one. */
  private conclude(conversationId: string): void {
    if (this.ended.has(conversationId)) return;
    this.ended.add(conversationId);
    if (this.ending === conversationId) this.ending = this.endFrame = null;
    if (conversationId === this.conversationId) this.enterConversation(null);
    this.emit({ type: 'ended', conversationId });
  }

  /** Adopts the conversation the server reports; a different one starts counting seq afresh. */
  private enterConversation(conversationId: string | null): void {
    if (conversationId === this.conversationId) return;
    this.conversationId = conversationId;
    this.lastSeq = 0;
    this.reads.reset();
    // A conversation that appears while connected (the visitor's first message) has no past to replay.
    this.replayed = this.synced;
    if (conversationId) this.options.storage.set(this.conversationKey, conversationId);
    else this.options.storage.remove(this.conversationKey);
    this.emit({ type: 'conversation', conversationId });
  }

  private deliver(messages: readonly Message[], history = false): void {
    const visible = messages.filter((message) => message.visibility === 'public');
    // An ended conversation's last lines (the system line may follow the close) are shown, not resumed.
    const late = visible.filter((message) => this.ended.has(message.conversationId));
    const live = visible.filter((message) => !this.ended.has(message.conversationId));
    const latest = live.at(-1);
    // The first message creates the conversation: acks carry its id before any welcome does. The server
    // opens a new one only when the visitor has none open, so the previous one has ended.
    if (latest && latest.conversationId !== this.conversationId) {
      if (this.conversationId) this.conclude(this.conversationId);
      this.enterConversation(latest.conversationId);
    }
    const current = live.filter((message) => message.conversationId === this.conversationId);
    for (const message of current) this.lastSeq = Math.max(this.lastSeq, message.seq);
    const shown = [...late, ...current];
    if (shown.length === 0) return;
    this.emit({ type: 'messages', messages: shown, history });
    const delivered = shown.flatMap((message) => (message.clientId ? [message.clientId] : []));
    const pending = this.outbox.items();
    if (pending.some((item) => delivered.includes(item.clientId))) {
      this.emit({ type: 'outbox', items: this.outbox.remove(delivered) });
    }
  }

  private emit(event: TransportEvent): void {
    this.options.onEvent(event);
  }
}
