// Operators' conversation lists, kept current: after a change, every operator connection hears how
// the conversation now looks to them (`conversation.updated`), or that it left their list.
//
// Admins follow every open conversation (the All view); a conversation that closes is sent once more,
// with its status, to those who may still read it (the Resolved view).
//
// A new message changes only the last message, the seq and the unread counts, so the listing of a
// conversation is remembered and moved on by messages; membership, status or visitor changes come
// as 'conversation' events and are read again from the database, which stays the source of truth.

import type { ConversationSummary, Message, PageView } from '@livechat/protocol';
import type { Conversation } from '../conversations/repository.ts';
import { type ConversationService, isShownTo, type Listing } from '../conversations/service.ts';
import type { Store } from '../db/store.ts';
import type { Logger } from './connection.ts';
import type { OperatorSession } from './sessions.ts';

interface Known {
  conversation: Conversation;
  listing: Listing;
  /** Each listing operator's unread count as of `conversation.lastSeq`, once it has been counted. */
  unread: Map<string, number>;
}

interface Waiting {
  /** Something besides messages changed: read the conversation again. */
  reread: boolean;
  /** The messages since the last refresh. */
  messages: Message[];
}

/** Open conversations whose listing is remembered; beyond this the least recently refreshed is read again. */
const KNOWN_LIMIT = 20_000;

export class Listings {
  private readonly known = new Map<string, Known>();
  /** The newest page each visitor was seen on, by conversation, as the bus told it. */
  private readonly pages = new Map<string, PageView>();
  /** Refreshes run one at a time per conversation, so summaries never arrive out of order. */
  private readonly running = new Map<string, Promise<void>>();
  /** A refresh not started yet covers every change that arrives meanwhile. */
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly deps: { store: Store; conversations: ConversationService; log: Logger },
    private readonly operatorSessions: ReadonlyMap<string, ReadonlySet<OperatorSession>>,
  ) {}

  messageAdded(conversationId: string, message: Message): void {
    this.schedule(conversationId, false, message);
  }

  /** The operator read the conversation: their unread count is counted again. */
  readBy(conversationId: string, operatorId: string): void {
    this.known.get(conversationId)?.unread.delete(operatorId);
  }

  /** Membership, assignment, status or the visitor's details changed. */
  changed(conversationId: string): void {
    this.schedule(conversationId, true, null);
  }

  /** The visitor is on a new page: the next summary shows it (page.viewed frames tell it live). */
  pageViewed(conversationId: string, pageView: PageView): void {
    // Kept apart too: a listing read from the store while the view was being stored would otherwise
    // bring the page before back when it is remembered.
    this.pages.delete(conversationId);
    this.pages.set(conversationId, pageView);
    if (this.pages.size > KNOWN_LIMIT) this.pages.delete(this.pages.keys().next().value ?? '');
    const known = this.known.get(conversationId);
    if (known) known.listing = { ...known.listing, currentPage: pageView };
  }

  private schedule(conversationId: string, reread: boolean, message: Message | null): void {
    const waiting = this.waiting.get(conversationId);
    if (waiting) {
      waiting.reread ||= reread;
      if (message) waiting.messages.push(message);
      return;
    }
    const next: Waiting = { reread, messages: message ? [message] : [] };
    this.waiting.set(conversationId, next);
    const previous = this.running.get(conversationId) ?? Promise.resolve();
    const run = previous
      .then(() => {
        this.waiting.delete(conversationId);
        return this.refresh(conversationId, next);
      })
      .catch((err: unknown) => this.deps.log.error({ err }, 'listing refresh failed'))
      .finally(() => {
        if (this.running.get(conversationId) === run) this.running.delete(conversationId);
      });
    this.running.set(conversationId, run);
  }

  private async refresh(conversationId: string, change: Waiting): Promise<void> {
    const moved = change.reread ? null : this.current(conversationId, change.messages);
    const known = moved ?? (await this.read(conversationId));
    if (!known) return;
    const { conversation } = known;
    // The listing without the unread count, serialised once for every operator who lists it.
    let listed: string | null = null;
    for (const [operatorId, sessions] of this.operatorSessions) {
      const first = sessions.values().next().value;
      if (!first) continue;
      if (isShownTo(first.operator, conversation)) {
        let unread = known.unread.get(operatorId);
        if (unread === undefined) {
          unread = await this.deps.store.conversations.unreadCount(conversationId, operatorId, conversation.lastSeq);
          known.unread.set(operatorId, unread);
        }
        listed ??= JSON.stringify(known.listing);
        sendSummary(sessions, { ...known.listing, unread }, listed);
        continue;
      }
      // Messages alone change no one's list or access: what a membership, status or visitor
      // change took away was taken when that change was read.
      if (moved) continue;
      if (![...sessions].some((s) => s.listed.has(conversationId) || s.connection.feeds.has(conversationId))) continue;
      // Who left stops receiving it, even where their role would let them read it.
      const stopFeed =
        conversation.leftIds.includes(operatorId) ||
        !(await this.deps.conversations.mayRead(first.operator, conversation));
      for (const session of sessions) {
        if (session.listed.delete(conversationId)) {
          session.connection.send({ type: 'conversation.removed', conversationId });
        }
        if (stopFeed) {
          session.connection.feeds.get(conversationId)?.close();
          session.connection.feeds.delete(conversationId);
        }
      }
    }
  }

  /**
   * The remembered listing moved on by the new messages, if it is remembered and they follow its
   * seq without a gap (a missed event means reading the conversation again).
   */
  private current(conversationId: string, messages: readonly Message[]): Known | null {
    const known = this.known.get(conversationId);
    if (!known) return null;
    const fresh = messages.filter((m) => m.seq > known.conversation.lastSeq).sort((a, b) => a.seq - b.seq);
    const newest = fresh.at(-1);
    if (!newest) return known;
    if (fresh.some((m, i) => m.seq !== known.conversation.lastSeq + i + 1)) return null;
    const fromVisitor = fresh.filter((m) => m.author.kind === 'visitor').length;
    const written = fresh.filter((m) => m.author.kind !== 'system').at(-1);
    const moved: Known = {
      conversation: { ...known.conversation, lastSeq: newest.seq, updatedAt: newest.createdAt },
      listing: {
        ...known.listing,
        lastSeq: newest.seq,
        updatedAt: newest.createdAt,
        lastMessage: written
          ? { body: written.body, author: written.author, createdAt: written.createdAt, visibility: written.visibility }
          : known.listing.lastMessage,
      },
      unread: new Map([...known.unread].map(([operatorId, n]) => [operatorId, n + fromVisitor])),
    };
    this.remember(conversationId, moved);
    return moved;
  }

  /** A deleted conversation is never listed again. */
  forget(conversationId: string): void {
    this.known.delete(conversationId);
    this.pages.delete(conversationId);
  }

  private async read(conversationId: string): Promise<Known | null> {
    const conversation = await this.deps.store.conversations.byId(conversationId);
    if (!conversation) {
      this.known.delete(conversationId);
      return null;
    }
    const known: Known = {
      conversation,
      listing: await this.deps.conversations.listing(conversation),
      unread: new Map(),
    };
    if (conversation.status === 'open') this.remember(conversationId, known);
    else this.known.delete(conversationId);
    return known;
  }

  private remember(conversationId: string, known: Known): void {
    const page = this.pages.get(conversationId);
    const shown = known.listing.currentPage;
    if (page && (!shown || page.viewedAt > shown.viewedAt)) known.listing = { ...known.listing, currentPage: page };
    // Re-inserted, so the map's order is least recently refreshed first.
    this.known.delete(conversationId);
    this.known.set(conversationId, known);
    if (this.known.size > KNOWN_LIMIT) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

/**
 * One operator's view, serialised once for all of their connections. `listing`, when given, is the
 * same summary without `unread`, already serialised: only the count is added to it.
 */
export function sendSummary(
  sessions: Iterable<OperatorSession>,
  conversation: ConversationSummary,
  listing?: string,
): void {
  const frame = { type: 'conversation.updated', conversation } as const;
  const serialised = listing
    ? `{"type":"conversation.updated","conversation":{"unread":${conversation.unread},${listing.slice(1)}}`
    : JSON.stringify(frame);
  for (const session of sessions) {
    session.listed.add(conversation.id);
    session.connection.sendSerialised(frame, serialised);
  }
}
