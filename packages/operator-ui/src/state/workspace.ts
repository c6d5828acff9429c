// The operator workspace's shared state as signals, and how each server frame changes it (no I/O here).

import { batch, computed, signal } from '@preact/signals';
import type {
  CommandResult,
  ConversationSummary,
  ErrorFrame,
  Message,
  OperatorList,
  OperatorProfile,
  PageView,
  ServerToClient,
  Visibility,
} from '@livechat/protocol';
import { CannedStore } from './canned.ts';
import { applyServerFrame } from './frames.ts';
import { unreadTotal, withoutOperator } from './conversations.ts';
import { newId } from './ids.ts';
import { Inbox } from './inbox.ts';
import { lastSeq, mergeMessages } from './messages.ts';
import { DEFAULT_RETRY_MS, RateLimits, rateLimitedText, retrySeconds } from './rate-limits.ts';
import { SearchState } from './search.ts';
import type { Notice, PendingSend, RunningCommand } from './timeline.ts';
import { VisitorHistory } from './visitor-history.ts';
import { ConversationViews } from './views.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type TeamMember = OperatorList['operators'][number];

/** How long a "typing" stays shown when the visitor's "stopped typing" never arrives. */
export const TYPING_TIMEOUT_MS = 8_000;
/** How many recent pages the side panel keeps per visitor. */
export const PAGE_VIEW_LIMIT = 20;

export interface VisitorTyping {
  name: string;
  until: number;
}

/** What a sent frame was for, so an `error` frame echoing its id lands in the right place. */
export type SentFrame =
  | { kind: 'command'; conversationId: string; text: string }
  | { kind: 'sync'; conversationId: string }
  | { kind: 'read' | 'typing'; conversationId: string };

const SENT_FRAME_MEMORY = 200;
/** One empty list, so that "no results" is the same value from one render to the next. */
const NO_RESULTS: readonly CommandResult[] = [];

export class Workspace {
  readonly operator = signal<OperatorProfile | null>(null);
  readonly connection = signal<ConnectionStatus>('offline');
  readonly conversations = signal<ReadonlyMap<string, ConversationSummary>>(new Map());
  readonly conversationsLoaded = signal(false);
  /** Conversations that left the list (left, reassigned): still named while they stay open on screen. */
  readonly departed = signal<ReadonlyMap<string, ConversationSummary>>(new Map());
  readonly messages = signal<ReadonlyMap<string, readonly Message[]>>(new Map());
  /** Conversations whose history this client has received at least once. */
  readonly synced = signal<ReadonlySet<string>>(new Set());
  readonly outbox = signal<readonly PendingSend[]>([]);
  readonly notices = signal<ReadonlyMap<string, readonly Notice[]>>(new Map());
  readonly typing = signal<ReadonlyMap<string, VisitorTyping>>(new Map());
  /** Recent pages per visitor id, newest first; present only once loaded. */
  readonly pageViews = signal<ReadonlyMap<string, readonly PageView[]>>(new Map());
  readonly team = signal<readonly TeamMember[]>([]);
  readonly openConversationId = signal<string | null>(null);
  /** The highest seq this client told the server it has read, per conversation. */
  readonly readSeqs = signal<ReadonlyMap<string, number>>(new Map());
  /** A message to scroll to once its conversation is shown (opened from a search result). */
  readonly focusSeq = signal<{ conversationId: string; seq: number } | null>(null);
  /** A problem that belongs to no conversation, shown in a banner. */
  readonly alert = signal<string | null>(null);
  /** Names of the commands the server offers now. */
  readonly commands = signal<readonly string[]>([]);
  /** This operator's command results per conversation, oldest first. */
  readonly commandResults = signal<ReadonlyMap<string, readonly CommandResult[]>>(new Map());
  /** Commands sent and not answered yet. */
  readonly running = signal<readonly RunningCommand[]>([]);
  readonly canned = new CannedStore();
  readonly inbox = new Inbox();
  readonly views = new ConversationViews();
  readonly search = new SearchState();
  readonly visitorHistory = new VisitorHistory();
  readonly rateLimits = new RateLimits();

  readonly unreadTotal = computed(() =>
    unreadTotal(this.conversations.value.values(), this.readSeqs.value, this.selfId()),
  );

  private readonly sentFrames = new Map<string, SentFrame>();
  /** Conversations changed by live frames since the list fetch began; the fetch must not undo them. */
  private touchedSinceFetch = new Set<string>();

  reset(): void {
    batch(() => {
      this.operator.value = null;
      this.connection.value = 'offline';
      this.conversations.value = new Map();
      this.conversationsLoaded.value = false;
      this.departed.value = new Map();
      this.messages.value = new Map();
      this.synced.value = new Set();
      this.outbox.value = [];
      this.notices.value = new Map();
      this.typing.value = new Map();
      this.pageViews.value = new Map();
      this.team.value = [];
      this.openConversationId.value = null;
      this.readSeqs.value = new Map();
      this.alert.value = null;
      this.focusSeq.value = null;
      this.commands.value = [];
      this.commandResults.value = new Map();
      this.running.value = [];
      this.canned.reset();
      this.inbox.reset();
      this.views.reset();
      this.search.reset();
      this.visitorHistory.reset();
      this.rateLimits.reset();
    });
    this.sentFrames.clear();
    this.touchedSinceFetch.clear();
  }

  // ---- conversation list -------------------------------------------------------------------

  beginConversationsFetch(): void {
    this.touchedSinceFetch = new Set();
  }

  /** Adds fetched conversations (a page of a view), keeping what live frames changed while it was in flight. */
  mergeConversations(fetched: readonly ConversationSummary[]): void {
    const next = new Map(this.conversations.value);
    for (const conversation of fetched) {
      if (!this.touchedSinceFetch.has(conversation.id)) next.set(conversation.id, conversation);
    }
    batch(() => {
      this.conversations.value = next;
      this.conversationsLoaded.value = true;
    });
  }

  upsertConversation(conversation: ConversationSummary): void {
    this.touchedSinceFetch.add(conversation.id);
    const next = new Map(this.conversations.value);
    next.set(conversation.id, conversation);
    this.conversations.value = next;
  }

  removeConversation(conversationId: string): void {
    this.touchedSinceFetch.add(conversationId);
    const summary = this.conversations.value.get(conversationId);
    if (!summary) return;
    const next = new Map(this.conversations.value);
    next.delete(conversationId);
    batch(() => {
      this.departed.value = new Map(this.departed.value).set(conversationId, withoutOperator(summary, this.selfId()));
      this.conversations.value = next;
    });
  }

  private selfId(): string | null {
    return this.operator.value?.id ?? null;
  }

  /** What is known about a conversation, in the list or not (any more). */
  summaryOf(conversationId: string): ConversationSummary | undefined {
    return this.conversations.value.get(conversationId) ?? this.departed.value.get(conversationId);
  }

  // ---- messages ------------------------------------------------------------------------------

  messagesOf(conversationId: string): readonly Message[] {
    return this.messages.value.get(conversationId) ?? [];
  }

  addMessages(conversationId: string, incoming: readonly Message[]): void {
    const own = incoming.filter((message) => message.conversationId === conversationId);
    const current = this.messagesOf(conversationId);
    const merged = mergeMessages(current, own);
    const clientIds = new Set(own.map((message) => message.clientId).filter((id) => id !== null));
    batch(() => {
      if (merged !== current) {
        const next = new Map(this.messages.value);
        next.set(conversationId, merged);
        this.messages.value = next;
      }
      if (clientIds.size > 0) this.dropPending((send) => clientIds.has(send.clientId));
      if (own.some((message) => message.author.kind === 'visitor')) this.setVisitorTyping(conversationId, null);
    });
  }

  markSynced(conversationId: string): void {
    if (this.synced.value.has(conversationId)) return;
    this.synced.value = new Set([...this.synced.value, conversationId]);
  }

  markRead(conversationId: string, seq: number): void {
    const next = new Map(this.readSeqs.value);
    next.set(conversationId, seq);
    this.readSeqs.value = next;
  }

  /** After a reconnect the server is the truth again; reads are re-sent from what is on screen. */
  forgetReads(): void {
    this.readSeqs.value = new Map();
  }

  // ---- outbox --------------------------------------------------------------------------------

  queueSend(
    conversationId: string,
    body: string,
    visibility: Visibility,
    refs: Pick<PendingSend, 'mentionIds' | 'cannedIds' | 'attachments'> = {},
    now = new Date(),
  ): PendingSend {
    const send: PendingSend = {
      frameId: newId(),
      conversationId,
      clientId: newId(),
      body,
      visibility,
      status: 'sending',
      error: null,
      createdAt: now.toISOString(),
      ...(refs.mentionIds?.length ? { mentionIds: refs.mentionIds } : {}),
      ...(refs.cannedIds?.length ? { cannedIds: refs.cannedIds } : {}),
      ...(refs.attachments?.length ? { attachments: refs.attachments } : {}),
    };
    this.outbox.value = [...this.outbox.value, send];
    return send;
  }

  /** Marks a failed send as sending again and returns it; its clientId is kept on purpose. */
  retrySend(frameId: string): PendingSend | null {
    const send = this.outbox.value.find((item) => item.frameId === frameId);
    if (!send) return null;
    const retried: PendingSend = { ...send, status: 'sending', error: null };
    this.outbox.value = this.outbox.value.map((item) => (item === send ? retried : item));
    return retried;
  }

  discardSend(frameId: string): void {
    this.dropPending((send) => send.frameId === frameId);
  }

  /** Sends still waiting for an ack, to be sent again after a reconnect. */
  unacknowledged(): PendingSend[] {
    return this.outbox.value.filter((send) => send.status === 'sending');
  }

  private failSend(frameId: string, error: string): boolean {
    if (!this.outbox.value.some((send) => send.frameId === frameId)) return false;
    this.outbox.value = this.outbox.value.map((send) =>
      send.frameId === frameId ? { ...send, status: 'failed', error } : send,
    );
    return true;
  }

  private dropPending(match: (send: PendingSend) => boolean): void {
    if (!this.outbox.value.some(match)) return;
    this.outbox.value = this.outbox.value.filter((send) => !match(send));
  }

  // ---- notices, typing, page views ------------------------------------------------------------

  addNotice(conversationId: string, text: string, detail: string | null = null, now = new Date()): void {
    const notice: Notice = {
      id: newId(),
      conversationId,
      afterSeq: lastSeq(this.messagesOf(conversationId)),
      text,
      detail,
      createdAt: now.toISOString(),
    };
    const next = new Map(this.notices.value);
    next.set(conversationId, [...(next.get(conversationId) ?? []), notice]);
    this.notices.value = next;
  }

  setVisitorTyping(conversationId: string, typing: VisitorTyping | null): void {
    const current = this.typing.value.get(conversationId);
    if (!typing && !current) return;
    const next = new Map(this.typing.value);
    if (typing) next.set(conversationId, typing);
    else next.delete(conversationId);
    this.typing.value = next;
  }

  /** Drops typing indicators whose "stopped" never came. */
  expireTyping(now: number): void {
    for (const [conversationId, typing] of this.typing.value) {
      if (typing.until <= now) this.setVisitorTyping(conversationId, null);
    }
  }

  setPageViews(visitorId: string, pageViews: readonly PageView[]): void {
    const next = new Map(this.pageViews.value);
    next.set(visitorId, pageViews.slice(0, PAGE_VIEW_LIMIT));
    this.pageViews.value = next;
  }

  addPageView(visitorId: string, pageView: PageView): void {
    batch(() => {
      const known = this.pageViews.value.get(visitorId);
      if (known) {
        const duplicate = known.some((view) => view.viewedAt === pageView.viewedAt && view.url === pageView.url);
        if (!duplicate) this.setPageViews(visitorId, [pageView, ...known]);
      }
      const conversations = new Map(this.conversations.value);
      let changed = false;
      for (const conversation of conversations.values()) {
        if (conversation.visitor.id !== visitorId) continue;
        const current = conversation.currentPage;
        if (current && Date.parse(current.viewedAt) > Date.parse(pageView.viewedAt)) continue;
        conversations.set(conversation.id, { ...conversation, currentPage: pageView });
        changed = true;
      }
      if (changed) this.conversations.value = conversations;
    });
  }

  // ---- command results -----------------------------------------------------------------------

  commandResultsOf(conversationId: string): readonly CommandResult[] {
    return this.commandResults.value.get(conversationId) ?? NO_RESULTS;
  }

  /** Adds results (fetched or live) once each, ordered by time. */
  addCommandResults(conversationId: string, incoming: readonly CommandResult[]): void {
    const current = this.commandResultsOf(conversationId);
    const known = new Set(current.map((result) => result.id));
    const fresh = incoming.filter((result) => result.conversationId === conversationId && !known.has(result.id));
    if (fresh.length === 0) return;
    const merged = [...current, ...fresh].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const next = new Map(this.commandResults.value);
    next.set(conversationId, merged);
    this.commandResults.value = next;
  }

  startCommand(frameId: string, conversationId: string, input: string, now = new Date()): void {
    this.trackFrame(frameId, { kind: 'command', conversationId, text: input });
    this.running.value = [...this.running.value, { frameId, conversationId, input, createdAt: now.toISOString() }];
  }

  /** After a reconnect an answer may never come; the stored results are fetched again instead. */
  forgetRunningCommands(): void {
    if (this.running.value.length > 0) this.running.value = [];
  }

  finishCommand(frameId: string): void {
    if (!this.running.value.some((command) => command.frameId === frameId)) return;
    this.running.value = this.running.value.filter((command) => command.frameId !== frameId);
  }

  // ---- frames --------------------------------------------------------------------------------

  /** Remembers what a frame was for until the server answers or it is forgotten. */
  trackFrame(frameId: string, sent: SentFrame): void {
    this.sentFrames.set(frameId, sent);
    if (this.sentFrames.size > SENT_FRAME_MEMORY) {
      const oldest = this.sentFrames.keys().next().value;
      if (oldest !== undefined) this.sentFrames.delete(oldest);
    }
  }

  applyServerFrame(frame: ServerToClient, now = Date.now()): void {
    applyServerFrame(this, frame, now);
  }

  /** What a frame still waiting for its answer was sent for. */
  sentFrameOf(frameId: string): SentFrame | undefined {
    return this.sentFrames.get(frameId);
  }

  forgetFrame(frameId: string): void {
    this.sentFrames.delete(frameId);
  }

  applyError({ frameId, message, code, retryAfterMs }: ErrorFrame, now = Date.now()): void {
    if (code === 'rate_limited' && frameId !== null && this.refuseForSpeed(frameId, retryAfterMs, now)) return;
    if (frameId !== null && this.failSend(frameId, message)) return;
    const sent = frameId === null ? undefined : this.sentFrames.get(frameId);
    if (frameId !== null) {
      this.sentFrames.delete(frameId);
      this.finishCommand(frameId);
    }
    switch (sent?.kind) {
      case 'command':
        this.addNotice(sent.conversationId, message, sent.text);
        return;
      case 'sync':
        this.addNotice(
          sent.conversationId,
          code === 'rate_limited'
            ? `Too many requests: this conversation loads again in ${retrySeconds(retryAfterMs ?? DEFAULT_RETRY_MS)} s.`
            : `This conversation could not be loaded: ${message}`,
        );
        return;
      case 'read':
      case 'typing':
        // Losing a read receipt or a typing signal is harmless; the next one replaces it.
        return;
      default:
        this.alert.value = code === 'rate_limited' ? rateLimitedText(retrySeconds(retryAfterMs ?? 0)) : message;
    }
  }

  /**
   * A message or command the server refused for speed was not stored: it leaves the history and its text goes
   * back to the composer, which says when to try again. Returns false for frames of other kinds.
   */
  private refuseForSpeed(frameId: string, retryAfterMs: number | undefined, now: number): boolean {
    const send = this.outbox.value.find((item) => item.frameId === frameId);
    const sent = this.sentFrames.get(frameId);
    if (send) {
      batch(() => {
        this.dropPending((item) => item.frameId === frameId);
        this.rateLimits.limit(send.conversationId, retryAfterMs, send.body, now);
      });
      return true;
    }
    if (sent?.kind !== 'command') return false;
    this.sentFrames.delete(frameId);
    batch(() => {
      this.finishCommand(frameId);
      this.rateLimits.limit(sent.conversationId, retryAfterMs, sent.text, now);
    });
    return true;
  }
}
