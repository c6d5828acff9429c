// "Too fast": a refused message goes back to the composer with how long to wait; the wait is read from the server.

import { describe, expect, it } from 'vitest';
import { aMessage } from '../test-fixtures.ts';
import { rateLimitedText, retryAfterMs, retrySeconds } from './rate-limits.ts';
import { Workspace } from './workspace.ts';

describe('a message refused for speed', () => {
  it('leaves the history, and its text and the wait go to the composer', () => {
    const workspace = new Workspace();
    workspace.addMessages('c1', [aMessage(1)]);
    const send = workspace.queueSend('c1', 'Here is your refund', 'public');
    workspace.applyServerFrame(
      { type: 'error', code: 'rate_limited', message: 'Too many', frameId: send.frameId, retryAfterMs: 2_500 },
      10_000,
    );
    expect(workspace.outbox.value).toEqual([]);
    expect(workspace.rateLimits.active('c1', 10_000)).toEqual({ until: 12_500, unsent: 'Here is your refund' });
    expect(workspace.rateLimits.active('c1', 12_500)).toBeNull();
    expect(workspace.rateLimits.takeUnsent('c1')).toBe('Here is your refund');
    expect(workspace.rateLimits.takeUnsent('c1')).toBeNull();
    expect(workspace.alert.value).toBeNull();
  });

  it('gives back every refused message of a burst, oldest first, and waits for the latest hint', () => {
    const workspace = new Workspace();
    const first = workspace.queueSend('c1', 'one', 'public');
    const second = workspace.queueSend('c1', 'two', 'operator');
    workspace.applyServerFrame(
      { type: 'error', code: 'rate_limited', message: '', frameId: first.frameId, retryAfterMs: 1_000 },
      0,
    );
    workspace.applyServerFrame(
      { type: 'error', code: 'rate_limited', message: '', frameId: second.frameId, retryAfterMs: 3_000 },
      100,
    );
    expect(workspace.rateLimits.active('c1', 0)).toEqual({ until: 3_100, unsent: 'one\ntwo' });
  });

  it('gives a refused command back as typed, and stops showing it as running', () => {
    const workspace = new Workspace();
    workspace.startCommand('f1', 'c1', '/ticket Broken lamp');
    workspace.applyServerFrame({ type: 'error', code: 'rate_limited', message: '', frameId: 'f1' }, 0);
    expect(workspace.running.value).toEqual([]);
    expect(workspace.rateLimits.active('c1', 0)?.unsent).toBe('/ticket Broken lamp');
    expect(workspace.notices.value.get('c1')).toBeUndefined();
  });

  it('says so in the banner when the refused frame belongs to no conversation', () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({
      type: 'error',
      code: 'rate_limited',
      message: 'x',
      frameId: null,
      retryAfterMs: 1200,
    });
    expect(workspace.alert.value).toBe('You are sending too fast; try again in 2 s.');
  });

  it('says when a conversation refused for speed loads again', () => {
    const workspace = new Workspace();
    workspace.trackFrame('s1', { kind: 'sync', conversationId: 'c1' });
    expect(workspace.sentFrameOf('s1')).toEqual({ kind: 'sync', conversationId: 'c1' });
    workspace.applyServerFrame({
      type: 'error',
      code: 'rate_limited',
      message: 'x',
      frameId: 's1',
      retryAfterMs: 2500,
    });
    expect(workspace.notices.value.get('c1')?.map((notice) => notice.text)).toEqual([
      'Too many requests: this conversation loads again in 3 s.',
    ]);
    expect(workspace.sentFrameOf('s1')).toBeUndefined();
  });

  it('drops a refused typing signal silently', () => {
    const workspace = new Workspace();
    workspace.trackFrame('t1', { kind: 'typing', conversationId: 'c1' });
    workspace.applyServerFrame({ type: 'error', code: 'rate_limited', message: 'x', frameId: 't1', retryAfterMs: 900 });
    expect(workspace.alert.value).toBeNull();
    expect(workspace.rateLimits.active('c1', 0)).toBeNull();
  });
});

describe('the wait', () => {
  it('is said in whole seconds, never zero', () => {
    expect(retrySeconds(0)).toBe(1);
    expect(retrySeconds(1000)).toBe(1);
    expect(retrySeconds(1001)).toBe(2);
    expect(rateLimitedText(3)).toBe('You are sending too fast; try again in 3 s.');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(' 0 ')).toBe(0);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(retryAfterMs('Tue, 01 Jan 2030 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Jan 2030 11:00:00 GMT', now)).toBe(0);
  });
});
