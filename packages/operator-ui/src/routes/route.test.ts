// Hash routes to conversations, tickets, leads and settings.

import { describe, expect, it } from 'vitest';
import { conversationHref, leadHref, parseRoute, ticketHref, ticketsHref } from './route.ts';

describe('hash routes', () => {
  it('reads the open conversation from the hash', () => {
    expect(parseRoute('#/conversations/c_123')).toEqual({ view: 'conversations', conversationId: 'c_123' });
    expect(parseRoute('#/conversations/c_123/')).toEqual({ view: 'conversations', conversationId: 'c_123' });
  });

  it('falls back to the conversation list for any other hash', () => {
    const home = { view: 'conversations', conversationId: null };
    expect(parseRoute('')).toEqual(home);
    expect(parseRoute('#/')).toEqual(home);
    expect(parseRoute('#/conversations/')).toEqual(home);
    expect(parseRoute('#/conversations/%E0%A4%A')).toEqual(home);
    expect(parseRoute('#/nowhere')).toEqual(home);
    expect(parseRoute('#/tickets/abc')).toEqual(home);
    expect(parseRoute('#/tickets/0')).toEqual(home);
  });

  it('reads ticket and lead pages, with the search that "see more" links carry', () => {
    expect(parseRoute('#/tickets')).toEqual({ view: 'tickets', query: '' });
    expect(parseRoute('#/tickets?q=printer%20fire')).toEqual({ view: 'tickets', query: 'printer fire' });
    expect(parseRoute('#/tickets/42')).toEqual({ view: 'ticket', number: 42 });
    expect(parseRoute('#/leads')).toEqual({ view: 'leads' });
    expect(parseRoute('#/leads/l_9')).toEqual({ view: 'lead', leadId: 'l_9' });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
  });

  it('round-trips ids and searches through links', () => {
    const id = 'odd id/with?chars';
    expect(parseRoute(conversationHref(id))).toEqual({ view: 'conversations', conversationId: id });
    expect(parseRoute(leadHref(id))).toEqual({ view: 'lead', leadId: id });
    expect(parseRoute(ticketHref(7))).toEqual({ view: 'ticket', number: 7 });
    expect(parseRoute(ticketsHref('#42 & more'))).toEqual({ view: 'tickets', query: '#42 & more' });
  });
});
