// Which conversations each view holds, and how live changes move, add and drop rows.

import { describe, expect, it } from 'vitest';
import { aConversation } from '../test-fixtures.ts';
import { lastActivity } from './conversations.ts';
import { belongsTo, ConversationViews, placeByActivity } from './views.ts';

describe('belongsTo', () => {
  const mine = aConversation({ memberIds: ['op1'], assignedOperatorId: 'op1' });
  const queued = aConversation();
  const closed = aConversation({ status: 'closed', memberIds: ['op1'] });

  it('puts each conversation in the views the client can tell', () => {
    expect(belongsTo('mine', mine, 'op1')).toBe(true);
    expect(belongsTo('mine', queued, 'op1')).toBe(false);
    expect(belongsTo('mine', closed, 'op1')).toBe(false);
    expect(belongsTo('unassigned', queued, 'op1')).toBe(true);
    expect(belongsTo('unassigned', mine, 'op1')).toBe(false);
    expect(belongsTo('resolved', closed, 'op1')).toBe(true);
    expect(belongsTo('all', mine, 'op1')).toBe(true);
    expect(belongsTo('all', closed, 'op1')).toBe(false);
  });

  it('leaves mentions to the server', () => {
    expect(belongsTo('mentions', mine, 'op1')).toBeNull();
  });
});

describe('placeByActivity', () => {
  it('moves a row to where its activity puts it', () => {
    const times: Record<string, number> = { a: 30, b: 20, c: 10, d: 25 };
    expect(placeByActivity(['a', 'b', 'c'], 'd', (id) => times[id] ?? 0)).toEqual(['a', 'd', 'b', 'c']);
    expect(placeByActivity(['a', 'b', 'c'], 'c', (id) => times[id] ?? 0)).toEqual(['a', 'b', 'c']);
    times.c = 99;
    expect(placeByActivity(['a', 'b', 'c'], 'c', (id) => times[id] ?? 0)).toEqual(['c', 'a', 'b']);
  });
});

describe('ConversationViews', () => {
  const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const conversations = new Map(
    ['a', 'b', 'c'].map((id, index) => [id, aConversation({ id, memberIds: ['op1'], updatedAt: at(30 - index) })]),
  );
  const activityOf = (id: string) => {
    const known = conversations.get(id);
    return known ? lastActivity(known) : 0;
  };

  it('adds pages, and a later page never repeats a row', () => {
    const views = new ConversationViews();
    views.addPage({ conversations: [...conversations.values()].slice(0, 2), nextCursor: 'next' }, true);
    views.addPage({ conversations: [...conversations.values()].slice(1), nextCursor: null }, false);
    expect(views.ids.value).toEqual(['a', 'b', 'c']);
    expect(views.nextCursor.value).toBeNull();
  });

  it('moves a changed row to the top, and drops one that left the view', () => {
    const views = new ConversationViews();
    views.addPage({ conversations: [...conversations.values()], nextCursor: null }, true);
    views.place(aConversation({ id: 'c', memberIds: ['op1'], updatedAt: at(45) }), 'op1', activityOf);
    expect(views.ids.value).toEqual(['c', 'a', 'b']);
    views.place(aConversation({ id: 'a', memberIds: ['op2'], assignedOperatorId: 'op2' }), 'op1', activityOf);
    expect(views.ids.value).toEqual(['c', 'b']);
  });

  it('starts over on another view', () => {
    const views = new ConversationViews();
    views.addPage({ conversations: [...conversations.values()], nextCursor: 'x' }, true);
    views.switchTo('resolved');
    expect(views.view.value).toBe('resolved');
    expect(views.ids.value).toEqual([]);
    expect(views.loaded.value).toBe(false);
  });
});
