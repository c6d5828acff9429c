import type { ConversationSummary, OperatorProfile, PageView } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../conversations/repository.ts';
import type { Listing } from '../conversations/service.ts';
import type { Connection } from './connection.ts';
import { Listings } from './listings.ts';
import type { OperatorSession } from './sessions.ts';

const page = (url: string, viewedAt: string): PageView => ({ url, title: url, referrer: '', viewedAt });
const before = page('https://shop.test/lamps', '2026-12-06T10:00:00.000Z');
const after = page('https://shop.test/checkout', '2026-12-06T10:00:05.000Z');

const conversation: Conversation = {
  id: 'c1',
  siteId: 'shop',
  visitorId: 'v1',
  status: 'open',
  assignedOperatorId: null,
  lastSeq: 3,
  memberIds: [],
  leftIds: [],
  createdAt: '2026-12-06T09:59:00.000Z',
  updatedAt: '2026-12-06T09:59:30.000Z',
  closedAt: null,
  queuedAt: '2026-12-06T09:59:00.000Z',
  previousConversationId: null,
};

const admin: OperatorProfile = {
  id: 'op1',
  name: 'Ada',
  email: 'ada@shop.test',
  role: 'admin',
  notify: 'inbox',
  alerts: { sound: true, desktop: false },
  availability: 'online',
};

/**
 * Listings over a conversation whose listing read from the store waits until `storeRead` is let go,
 * and then brings the page the visitor was on when the read began; the admin's frames are collected.
 */
function setup() {
  let letGo = () => {};
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  const frames: Array<{ type: string; conversation?: ConversationSummary }> = [];
  const connection = {
    feeds: new Map(),
    sendSerialised: (_frame: unknown, serialised: string) => frames.push(JSON.parse(serialised)),
  } as unknown as Connection;
  const session: OperatorSession = {
    kind: 'operator',
    connection,
    operator: admin,
    sessionHash: 'h',
    listed: new Set(),
  };
  const listing = async (): Promise<Listing> => {
    await held;
    return {
      id: conversation.id,
      siteId: conversation.siteId,
      status: 'open',
      visitor: { id: 'v1', name: 'Visitor', email: null },
      memberIds: [],
      assignedOperatorId: null,
      lastSeq: conversation.lastSeq,
      lastMessage: null,
      currentPage: before,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
    } as Listing;
  };
  const listings = new Listings(
    {
      store: {
        conversations: { byId: async () => conversation, unreadCount: async () => 0 },
      } as never,
      conversations: { listing } as never,
      log: { warn: () => {}, error: (_obj, msg) => frames.push({ type: `error: ${msg}` }) },
    },
    new Map([[admin.id, new Set([session])]]),
  );
  return { listings, frames, storeRead: letGo };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Listings', () => {
  it('keeps the page the visitor moved to while their listing was being read with the page before', async () => {
    const { listings, frames, storeRead } = setup();
    listings.changed(conversation.id);
    await settle();
    // The live event arrives while the store's answer, older than it, is still on its way.
    listings.pageViewed(conversation.id, after);
    storeRead();
    await settle();
    expect(frames.map((frame) => frame.conversation?.currentPage?.url)).toEqual([after.url]);
    // And it stays the page the remembered listing shows as messages move it on.
    listings.messageAdded(conversation.id, {
      id: 'm4',
      conversationId: conversation.id,
      seq: 4,
      clientId: null,
      author: { kind: 'visitor', id: 'v1', name: 'Visitor' },
      body: 'hello',
      visibility: 'public',
      createdAt: '2026-12-06T10:00:06.000Z',
    });
    await settle();
    expect(frames.map((frame) => frame.conversation?.currentPage?.url)).toEqual([after.url, after.url]);
  });

  it('shows the store’s page when it is newer than the last one the bus told', async () => {
    const { listings, frames, storeRead } = setup();
    listings.pageViewed(conversation.id, page('https://shop.test/old', '2026-12-06T09:00:00.000Z'));
    listings.changed(conversation.id);
    storeRead();
    await settle();
    await settle();
    expect(frames.map((frame) => frame.conversation?.currentPage?.url)).toEqual([before.url]);
  });
});
