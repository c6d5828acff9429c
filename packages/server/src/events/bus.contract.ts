// What every EventBus must do, run against each implementation (in-process today, Redis later).

import { describe, expect, it } from 'vitest';
import type { BusEvent, EventBus } from './bus.ts';

/**
 * `node()` gives a bus of one more node over the same channel (one process has one node: the same
 * bus each time), once it hears the channel, as a node does before it serves; `reported` holds what
 * the buses reported of throwing subscribers.
 */
export interface OpenBus {
  node(): EventBus | Promise<EventBus>;
  reported: unknown[];
  close(): Promise<void> | void;
}

/** An event told apart from the others by its number. */
const numbered = (n: number): BusEvent => ({ kind: 'to-operators', frame: { type: 'pong', id: `e${n}` } });
const numberOf = (event: BusEvent): number =>
  event.kind === 'to-operators' && event.frame.type === 'pong' ? Number(event.frame.id.slice(1)) : Number.NaN;

/** A subscriber that keeps the numbers it hears and can wait for one; delivery may be asynchronous. */
function listen(bus: EventBus) {
  const heard: number[] = [];
  const waiting = new Map<number, () => void>();
  const unsubscribe = bus.subscribe((event) => {
    const n = numberOf(event);
    heard.push(n);
    waiting.get(n)?.();
  });
  return {
    heard,
    unsubscribe,
    /** Resolves once event `n` arrived (a test that never sees it fails on its timeout). */
    hears: (n: number) =>
      heard.includes(n) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(n, resolve)),
  };
}

export function describeEventBus(name: string, open: () => OpenBus) {
  describe(`${name} as an event bus`, () => {
    it('hands each event to every subscriber, on every node, the publisher included', async () => {
      const buses = open();
      const [a, b] = [await buses.node(), await buses.node()];
      const listeners = [listen(a), listen(a), listen(b)];
      a.publish(numbered(1));
      b.publish(numbered(2));
      for (const listener of listeners) await Promise.all([listener.hears(1), listener.hears(2)]);
      for (const listener of listeners) expect([...listener.heard].sort()).toEqual([1, 2]);
      await buses.close();
    });

    it('keeps the order one node published in', async () => {
      const buses = open();
      const [a, b] = [await buses.node(), await buses.node()];
      const listeners = [listen(a), listen(b)];
      const numbers = Array.from({ length: 50 }, (_, i) => i + 1);
      for (const n of numbers) a.publish(numbered(n));
      for (const listener of listeners) await listener.hears(50);
      for (const listener of listeners) expect(listener.heard).toEqual(numbers);
      await buses.close();
    });

    it('stops handing events to one who unsubscribed', async () => {
      const buses = open();
      const bus = await buses.node();
      const [leaving, staying] = [listen(bus), listen(bus)];
      bus.publish(numbered(1));
      await Promise.all([leaving.hears(1), staying.hears(1)]);
      leaving.unsubscribe();
      bus.publish(numbered(2));
      await staying.hears(2);
      expect(leaving.heard).toEqual([1]);
      expect(staying.heard).toEqual([1, 2]);
      await buses.close();
    });

    it('reports a subscriber that throws, and the others still hear the event', async () => {
      const buses = open();
      const bus = await buses.node();
      const failure = new Error('this subscriber fails');
      bus.subscribe(() => {
        throw failure;
      });
      const after = listen(bus);
      expect(() => bus.publish(numbered(1))).not.toThrow();
      bus.publish(numbered(2));
      await after.hears(2);
      expect(after.heard).toEqual([1, 2]);
      expect(buses.reported).toEqual([failure, failure]);
      await buses.close();
    });
  });
}
