// Builders for messages in tests.

import type { Author, Message } from '@livechat/protocol';

export const alice: Author = { kind: 'operator', id: 'op-alice', name: 'Alice' };
export const visitor: Author = { kind: 'visitor', id: 'visitor-1', name: 'Visitor' };
export const system: Author = { kind: 'system', id: null, name: 'System' };

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `msg-${seq}`,
    conversationId: 'conv-1',
    seq,
    clientId: null,
    author: alice,
    body: `message ${seq}`,
    visibility: 'public',
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}
