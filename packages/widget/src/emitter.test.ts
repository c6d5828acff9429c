import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter.ts';

describe('the SDK’s events', () => {
  afterEach(() => vi.restoreAllMocks());

  it('on() returns the function that unsubscribes', () => {
    const events = createEmitter();
    const heard: number[] = [];
    const off = events.on('unreadCount', (count) => heard.push(count));
    events.emit('unreadCount', 1);
    off();
    events.emit('unreadCount', 2);
    expect(heard).toEqual([1]);
  });

  it('off() removes a listener, and the same listener added twice is called once', () => {
    const events = createEmitter();
    const listener = vi.fn();
    events.on('open', listener);
    events.on('open', listener);
    events.emit('open', undefined);
    events.off('open', listener);
    events.emit('open', undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('calls a ready listener added after ready at once, and only ready is remembered', () => {
    const events = createEmitter();
    events.emit('ready', { visitorId: 'v1' });
    events.emit('unreadCount', 3);
    const ready = vi.fn();
    const unread = vi.fn();
    events.on('ready', ready);
    events.on('unreadCount', unread);
    expect(ready).toHaveBeenCalledWith({ visitorId: 'v1' });
    expect(unread).not.toHaveBeenCalled();
  });

  it('keeps calling the other listeners when one throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const events = createEmitter();
    const after = vi.fn();
    events.on('error', () => {
      throw new Error('page bug');
    });
    events.on('error', after);
    events.emit('error', { code: 'network', message: 'down' });
    expect(after).toHaveBeenCalledOnce();
  });

  it('clear() drops every listener and the remembered ready', () => {
    const events = createEmitter();
    const listener = vi.fn();
    events.on('close', listener);
    events.emit('ready', { visitorId: 'v1' });
    events.clear();
    events.emit('close', undefined);
    const ready = vi.fn();
    events.on('ready', ready);
    expect(listener).not.toHaveBeenCalled();
    expect(ready).not.toHaveBeenCalled();
  });

  it('ignores a listener that is not a function instead of failing later', () => {
    const events = createEmitter();
    const off = events.on('open', 'nope' as never);
    expect(() => events.emit('open', undefined)).not.toThrow();
    expect(off).toBeTypeOf('function');
  });
});
