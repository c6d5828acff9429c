// The socket gateway: authenticates upgrades, dispatches frames, and fans bus events out to the
// connections that may see them.

import { CLOSE_SESSION_ENDED, type OperatorProfile } from '@livechat/protocol';
import { parseOperatorFrame, parseVisitorFrame } from '@livechat/protocol/validate';
import type { WebSocket } from 'ws';
import type { CommandRegistry } from '../commands/registry.ts';
import type { Config } from '../config.ts';
import type { Conversation } from '../conversations/repository.ts';
import type { ConversationService } from '../conversations/service.ts';
import type { Store } from '../db/store.ts';
import type { BusEvent, EventBus } from '../events/bus.ts';
import type { FileLinks } from '../files/links.ts';
import { now } from '../ids.ts';
import { sessionUseRecorder } from '../operators/session-use.ts';
import { Coalescer } from '../limits/coalescer.ts';
import type { Limits } from '../limits/limits.ts';
import type { Site } from '../sites/repository.ts';
import type { Connection, Logger } from './connection.ts';
import { catchUpFeeds } from './catch-up.ts';
import { ConversationFeed } from './feed.ts';
import { Listings, sendSummary } from './listings.ts';
import { handleOperatorFrame } from './operator-frames.ts';
import type { Presence } from './presence.ts';
import {
  addTo,
  applySite,
  endVisitor,
  endVisitorToken,
  removeFrom,
  SESSION_END_GRACE_MS,
  type VisitorSessions,
} from './session-maps.ts';
import type { OperatorSession, VisitorSession } from './sessions.ts';
import { Sockets } from './sockets.ts';
import { handleVisitorFrame } from './visitor-frames.ts';

export interface GatewayDeps {
  config: Config;
  store: Store;
  bus: EventBus;
  presence: Presence;
  conversations: ConversationService;
  commands: CommandRegistry;
  limits: Limits;
  log: Logger;
  /** Attachments' URLs, per audience, on every message a connection sends. */
  links: FileLinks;
}

type TypingEvent = Extract<BusEvent, { kind: 'typing' }>;
type PageViewEvent = Extract<BusEvent, { kind: 'pageview' }> & { conversationId: string };

/** Messages handed to a connection per read while it catches up. */
const SYNC_PAGE = 500;
const HEARTBEAT_MS = 30_000;

export class Gateway {
  private readonly visitorSessions: VisitorSessions = new Map();
  private readonly operatorSessions = new Map<string, Set<OperatorSession>>();
  private readonly sockets: Sockets;
  private readonly listings: Listings;
  private readonly unsubscribe: () => void;
  private readonly stopResuming: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  /** One typing change per author and conversation per interval reaches the others: the latest. */
  private readonly typing: Coalescer<TypingEvent>;
  /** One live page view per conversation per interval reaches operators: the latest. */
  private readonly pageViews: Coalescer<PageViewEvent>;

  constructor(readonly deps: GatewayDeps) {
    this.listings = new Listings(deps, this.operatorSessions);
    this.sockets = new Sockets(deps);
    const { coalesceMs } = deps.limits.settings;
    this.typing = new Coalescer(coalesceMs, (event) => this.sendTyping(event));
    this.pageViews = new Coalescer(coalesceMs, (event) => this.sendPageView(event));
    this.unsubscribe = deps.bus.subscribe((event) => this.onEvent(event));
    this.stopResuming = deps.bus.onResume?.(() => void this.resumed()) ?? (() => {});
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The first step of a shutdown: every client is told to come back (see Sockets.restarting). */
  restarting(): void {
    this.sockets.restarting();
  }

  /** Waits up to `graceMs` for the sockets' close handshakes, then drops whatever is left. */
  async close(graceMs?: number): Promise<void> {
    this.unsubscribe();
    this.stopResuming();
    clearInterval(this.heartbeat);
    this.typing.stop();
    this.pageViews.stop();
    await this.sockets.close(graceMs);
  }

  acceptVisitor(socket: WebSocket, session: Omit<VisitorSession, 'connection' | 'kind' | 'welcoming'>): void {
    const connection = this.sockets.attach(socket, 'visitor', parseVisitorFrame, (frame) =>
      handleVisitorFrame(this, visitorSession, frame),
    );
    const visitorSession: VisitorSession = { kind: 'visitor', connection, ...session, welcoming: true };
    addTo(this.visitorSessions, session.visitor.id, visitorSession);
    socket.once('close', () => removeFrom(this.visitorSessions, session.visitor.id, visitorSession));
    connection.enqueue(null, async () => {
      const { store } = this.deps;
      const open = await store.conversations.openRefByVisitor(session.visitor.siteId, session.visitor.id);
      const seenSeq = open ? await store.readMarks.seenSeq(open.id) : 0;
      if (open) visitorSession.welcomedConversationId = open.id;
      visitorSession.welcoming = false;
      connection.send({
        type: 'welcome',
        role: 'visitor',
        visitor: { id: session.visitor.id, name: session.visitor.name, email: session.visitor.email },
        conversation: open ? { id: open.id, lastSeq: open.lastSeq, seenSeq } : null,
      });
    });
  }

  acceptOperator(socket: WebSocket, operator: OperatorProfile, sessionHash: string): void {
    const recordUse = sessionUseRecorder(this.deps, sessionHash);
    const connection = this.sockets.attach(socket, 'operator', parseOperatorFrame, (frame) => {
      // The UI's keep-alive pings are no sign of a person at the keyboard.
      if (frame.type !== 'ping') recordUse();
      return handleOperatorFrame(this, operatorSession, frame);
    });
    const operatorSession: OperatorSession = {
      kind: 'operator',
      connection,
      operator,
      sessionHash,
      listed: new Set(),
    };
    addTo(this.operatorSessions, operator.id, operatorSession);
    const cameOnline = this.deps.presence.add(operator.id, connection.id).catch((err: unknown) => {
      this.deps.log.error({ err }, 'could not count an operator online');
      return false;
    });
    socket.once('close', () => {
      this.forgetOperatorSession(operatorSession);
      // The team list shows when each operator was last here.
      this.deps.store.operators
        .touchLastSeen(operator.id, now())
        .catch((err: unknown) => this.deps.log.warn({ err }, 'could not record when an operator was last seen'));
    });
    connection.enqueue(null, async () => {
      const visible = await this.deps.store.conversations.listVisibleTo(operator.id);
      for (const conversation of visible) operatorSession.listed.add(conversation.id);
      const commands = await this.deps.commands.availableNames();
      connection.send({ type: 'welcome', role: 'operator', operator, commands });
      // After the welcome, so that what the queue hands them arrives as list updates.
      if (await cameOnline) void this.deps.conversations.handOut('connected');
    });
  }

  // What changes sockets other than the one that asked goes through the bus, so that every node's
  // sockets hear of it; each node then acts on its own (the handlers below).

  /** Logging out: the sockets opened with this login session close now. */
  endOperatorSession(sessionHash: string): void {
    this.deps.bus.publish({ kind: 'session-ended', sessionHash });
  }

  /** A disabled operator, or a new password: every socket of theirs closes, but those of `keepSessionHash`. */
  endOperator(operatorId: string, keepSessionHash?: string): void {
    this.deps.bus.publish({ kind: 'operator-ended', operatorId, keepSessionHash });
  }

  /** A new role or name: the operator's open sockets act with it from now on. */
  updateOperator(operator: OperatorProfile): void {
    this.deps.bus.publish({ kind: 'operator-changed', operator });
  }

  /** A visitor's reset(): the sockets opened with that token close now. */
  endVisitorToken(tokenHash: string): void {
    this.deps.bus.publish({ kind: 'visitor-token-ended', tokenHash });
  }

  /** An erased visitor: every socket of theirs closes now, whatever token opened it. */
  endVisitor(visitorId: string): void {
    this.deps.bus.publish({ kind: 'visitor-ended', visitorId });
  }

  /** Conversations deleted (erase, retention): they leave every list and stop streaming. */
  conversationsDeleted(conversationIds: readonly string[]): void {
    this.deps.bus.publish({ kind: 'conversations-deleted', conversationIds: [...conversationIds] });
  }

  /**
   * A site was edited: its visitors' sockets act with the new settings, and those whose page the
   * site no longer allows (archived, or their origin removed) close now rather than at their next
   * reconnect.
   */
  siteChanged(site: Site): void {
    // Only the id travels: the site holds its identity secret, which has no business on a shared bus.
    this.deps.bus.publish({ kind: 'site-changed', siteId: site.id });
  }

  /** After the operator read the conversation: their own view of it (unread counted again) to all their connections. */
  async sendSummaryTo(operator: OperatorProfile, conversation: Conversation): Promise<void> {
    const summary = await this.deps.conversations.summary(conversation, operator.id);
    this.deps.bus.publish({ kind: 'read', operatorId: operator.id, conversation: summary });
  }

  /**
   * The bus is back after an outage (a Redis restart keeps nothing): this node's operators and sockets
   * are counted again, queued conversations handed out, and what was published meanwhile read from the
   * database: the feeds' gaps, and every listing, including conversations opened or handed out since.
   */
  private async resumed(): Promise<void> {
    const { store, presence, conversations, log } = this.deps;
    const stale = catchUpFeeds([...this.visitorSessions.values(), ...this.operatorSessions.values()]);
    try {
      await presence.refresh();
      await this.deps.limits.sockets.refresh();
      void conversations.handOut('came-online');
      for (const operatorId of this.operatorSessions.keys()) {
        for (const conversation of await store.conversations.listVisibleTo(operatorId)) stale.add(conversation.id);
      }
    } catch (err) {
      log.error({ err }, 'could not catch up after the bus came back');
    }
    for (const conversationId of stale) this.listings.changed(conversationId);
  }

  private readHere(event: Extract<BusEvent, { kind: 'read' }>): void {
    this.listings.readBy(event.conversation.id, event.operatorId);
    const sessions = this.operatorSessions.get(event.operatorId);
    if (sessions) sendSummary(sessions, event.conversation);
  }

  private updateOperatorHere(operator: OperatorProfile): void {
    for (const session of this.operatorSessions.get(operator.id) ?? []) session.operator = operator;
  }

  private conversationsDeletedHere(conversationIds: readonly string[]): void {
    const sessions = [...this.operatorSessions.values(), ...this.visitorSessions.values()].flatMap((set) => [...set]);
    for (const conversationId of conversationIds) {
      this.listings.forget(conversationId);
      for (const session of sessions) {
        // To every operator, not only those listing it live: a Resolved view or search results
        // loaded over HTTP may show it too. The frame carries nothing but the id.
        if (session.kind === 'operator') {
          session.listed.delete(conversationId);
          session.connection.send({ type: 'conversation.removed', conversationId });
        }
        // A visitor's next message must not try the deleted conversation first.
        if (session.kind === 'visitor' && session.conversationId === conversationId) delete session.conversationId;
        session.connection.feeds.get(conversationId)?.close();
        session.connection.feeds.delete(conversationId);
      }
    }
  }

  /**
   * Starts (or restarts) streaming a conversation to a connection: answers with what follows
   * `afterSeq`, then passes every later message on live, in order, without gaps.
   */
  async openFeed(connection: Connection, conversationId: string, afterSeq: number, frameId: string): Promise<void> {
    connection.feeds.get(conversationId)?.close();
    const feed = this.newFeed(connection, conversationId, afterSeq);
    connection.feeds.set(conversationId, feed);
    const messages = await feed.initial();
    // lastSeq is what this answer brings the client to. A full page may not be all: the rest
    // follows as message.created frames, in order (what is stored after the read comes live).
    connection.send({ type: 'sync.result', id: frameId, conversationId, messages, lastSeq: feed.cursor });
    feed.release();
    if (messages.length >= SYNC_PAGE) feed.catchUp();
  }

  /** `among` narrows the search to one operator's sessions when the caller knows whose they are. */
  private endOperatorSessions(
    matches: (session: OperatorSession) => boolean,
    among: Iterable<OperatorSession> = [...this.operatorSessions.values()].flatMap((set) => [...set]),
  ): void {
    for (const session of [...among]) {
      if (!matches(session)) continue;
      // Out of the fan-out and of assignment now, not when the client answers the close.
      this.forgetOperatorSession(session);
      session.connection.end(CLOSE_SESSION_ENDED, 'session ended', SESSION_END_GRACE_MS);
    }
  }

  private forgetOperatorSession(session: OperatorSession): void {
    if (!removeFrom(this.operatorSessions, session.operator.id, session)) return;
    this.deps.presence
      .remove(session.operator.id, session.connection.id)
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not count an operator offline'));
  }

  private newFeed(connection: Connection, conversationId: string, afterSeq: number): ConversationFeed {
    return new ConversationFeed(
      afterSeq,
      (after) => this.deps.store.messages.after(conversationId, after, SYNC_PAGE),
      (message) => connection.send({ type: 'message.created', message }),
    );
  }

  private onEvent(event: BusEvent): void {
    switch (event.kind) {
      case 'message': {
        for (const session of this.visitorSessions.get(event.visitorId) ?? []) {
          const { connection } = session;
          let feed = connection.feeds.get(event.conversationId);
          if (!feed && (session.welcoming || event.conversationId === session.welcomedConversationId)) continue;
          if (!feed) {
            // A visitor's conversation started after they connected: stream it from here on.
            feed = this.newFeed(connection, event.conversationId, event.message.seq - 1);
            connection.feeds.set(event.conversationId, feed);
            feed.release();
          }
          feed.push(event.message, event.originId === connection.id);
        }
        for (const sessions of this.operatorSessions.values()) {
          for (const { connection } of sessions) {
            connection.feeds.get(event.conversationId)?.push(event.message, event.originId === connection.id);
          }
        }
        this.listings.messageAdded(event.conversationId, event.message);
        return;
      }
      case 'conversation':
        this.listings.changed(event.conversationId);
        return;
      case 'typing':
        this.typing.offer(`${event.conversationId}\n${event.author.kind}:${event.author.id}`, event);
        return;
      case 'pageview': {
        const { conversationId } = event;
        if (conversationId) this.pageViews.offer(conversationId, { ...event, conversationId });
        return;
      }
      case 'to-operator':
        for (const session of this.operatorSessions.get(event.operatorId) ?? []) session.connection.send(event.frame);
        return;
      case 'to-visitor':
        for (const session of this.visitorSessions.get(event.visitorId) ?? []) session.connection.send(event.frame);
        return;
      case 'to-operators': {
        // Serialised once for every operator connection.
        const serialised = JSON.stringify(event.frame);
        for (const sessions of this.operatorSessions.values()) {
          for (const session of sessions) session.connection.sendSerialised(event.frame, serialised);
        }
        return;
      }
      case 'read':
        this.readHere(event);
        return;
      case 'conversations-deleted':
        this.conversationsDeletedHere(event.conversationIds);
        return;
      case 'session-ended':
        this.endOperatorSessions((session) => session.sessionHash === event.sessionHash);
        return;
      case 'operator-ended':
        this.endOperatorSessions(
          (session) => session.sessionHash !== event.keepSessionHash,
          this.operatorSessions.get(event.operatorId) ?? [],
        );
        return;
      case 'operator-changed':
        this.updateOperatorHere(event.operator);
        return;
      case 'visitor-token-ended':
        endVisitorToken(this.visitorSessions, event.tokenHash);
        return;
      case 'visitor-ended':
        endVisitor(this.visitorSessions, event.visitorId);
        return;
      case 'site-changed':
        void this.deps.store.sites
          .get(event.siteId)
          .then((site) => site && applySite(this.visitorSessions, site))
          .catch((err: unknown) => this.deps.log.error({ err }, 'could not apply a changed site'));
        return;
      default: {
        const unhandled: never = event;
        throw new Error(`unhandled bus event ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private sendTyping(event: TypingEvent): void {
    const frame = {
      type: 'typing',
      conversationId: event.conversationId,
      author: event.author,
      active: event.active,
    } as const;
    if (event.author.kind === 'operator') {
      for (const session of this.visitorSessions.get(event.visitorId) ?? []) session.connection.send(frame);
    }
    for (const session of this.operatorsFollowing(event.conversationId)) {
      if (session.operator.id !== event.author.id) session.connection.send(frame);
    }
  }

  private sendPageView(event: PageViewEvent): void {
    this.listings.pageViewed(event.conversationId, event.pageView);
    const frame = { type: 'page.viewed', visitorId: event.visitorId, pageView: event.pageView } as const;
    for (const session of this.operatorsFollowing(event.conversationId)) session.connection.send(frame);
  }

  /** Operator connections that list the conversation or have it open. */
  private *operatorsFollowing(conversationId: string): Generator<OperatorSession> {
    for (const sessions of this.operatorSessions.values()) {
      for (const session of sessions) {
        if (session.listed.has(conversationId) || session.connection.feeds.has(conversationId)) yield session;
      }
    }
  }

  private checkHeartbeats(): void {
    // This node's operators, and the sockets its limits count, stay counted while it lives.
    this.deps.presence
      .refresh()
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not refresh who is online'));
    this.deps.limits.sockets
      .refresh()
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not refresh the sockets counted'));
    this.sockets.ping();
  }
}
