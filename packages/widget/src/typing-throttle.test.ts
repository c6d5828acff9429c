import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingThrottle } from './typing-throttle.ts';

describe('typing throttle', () => {
  let sent: boolean[];
  let typing: TypingThrottle;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    typing = new TypingThrottle((active) => sent.push(active));
  });
  afterEach(() => vi.useRealTimers());

  it('reports typing at most every 2 seconds while keys keep coming', () => {
    for (let ms = 0; ms < 5000; ms += 250) {
      typing.input();
      vi.advanceTimersByTime(250);
    }
    expect(sent).toEqual([true, true, true]);
  });

  it('reports inactive after 3 seconds without a key', () => {
    typing.input();
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('reports inactive once on send, and nothing when not typing', () => {
    typing.stop();
    typing.input();
    typing.stop();
    typing.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false]);
  });

  it('after a reset (reconnect) the next key reports typing again without a stale inactive', () => {
    typing.input();
    typing.reset();
    vi.advanceTimersByTime(5000);
    typing.input();
    expect(sent).toEqual([true, true]);
  });
});
