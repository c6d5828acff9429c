// Hash routes to conversations.

import { describe, expect, it } from 'vitest';
import { conversationHref, parseRoute } from './route.ts';

describe('hash routes', () => {
  it('reads the open conversation from the hash', () => {
    expect(parseRoute('#/conversations/c_123')).toEqual({ conversationId: 'c_123' });
    expect(parseRoute('#/conversations/c_123/')).toEqual({ conversationId: 'c_123' });
  });

  it('has no open conversation for any other hash', () => {
    expect(parseRoute('')).toEqual({ conversationId: null });
    expect(parseRoute('#/')).toEqual({ conversationId: null });
    expect(parseRoute('#/conversations/')).toEqual({ conversationId: null });
    expect(parseRoute('#/conversations/%E0%A4%A')).toEqual({ conversationId: null });
  });

  it('round-trips ids through links', () => {
    const id = 'odd id/with?chars';
    expect(parseRoute(conversationHref(id))).toEqual({ conversationId: id });
  });
});
