// Builders for protocol objects used by the unit tests, with defaults a test overrides as needed.

import type { ConversationSummary, Message, PageView } from '@livechat/protocol';

export function aMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: null,
    author: { kind: 'visitor', id: 'v1', name: 'Ada' },
    body: `message ${seq}`,
    visibility: 'public',
    createdAt: new Date(Date.UTC(2030, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}

export function aConversation(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'c1',
    siteId: 's1',
    status: 'open',
    visitor: { id: 'v1', name: null, email: null },
    memberIds: [],
    assignedOperatorId: null,
    lastSeq: 0,
    lastMessage: null,
    unread: 0,
    currentPage: null,
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function aPageView(url: string, viewedAt: string, title = 'Page'): PageView {
  return { url, title, referrer: '', viewedAt };
}
