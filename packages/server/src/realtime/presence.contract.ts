// What every Presence must do, run against each implementation (memory today, Redis later).

import { describe, expect, it } from 'vitest';
import type { Presence } from './presence.ts';

/** The TTL the contract opens presences with. */
export const CONTRACT_TTL_MS = 1000;

/**
 * `node()` gives the presence of one more node of the same deployment (sharing what they count),
 * with the TTL above and time read from `clock`.
 */
export interface OpenPresence {
  node(): Presence;
  close(): Promise<void> | void;
}

export function describePresence(name: string, open: (clock: () => number) => OpenPresence) {
  describe(`${name} as presence`, () => {
    /** Time stands still until a test moves it. */
    const start = () => {
      const time = { now: 1_000_000 };
      return { time, presence: open(() => time.now) };
    };

    it('counts each connection: online from the first add until the last remove', async () => {
      const { presence } = start();
      const node = presence.node();
      expect(await node.add('alice', 'tab-1')).toBe(true);
      expect(await node.add('alice', 'tab-2')).toBe(false);
      await node.add('bob', 'tab-3');
      expect((await node.online()).sort()).toEqual(['alice', 'bob']);
      await node.remove('alice', 'tab-1');
      expect(await node.isOnline('alice')).toBe(true);
      await node.remove('alice', 'tab-1');
      expect(await node.isOnline('alice')).toBe(true);
      await node.remove('alice', 'tab-2');
      expect(await node.isOnline('alice')).toBe(false);
      expect(await node.online()).toEqual(['bob']);
      expect(await node.add('alice', 'tab-4')).toBe(true);
      await presence.close();
    });

    it('forgets a connection not refreshed within the TTL, and keeps one that is', async () => {
      const { time, presence } = start();
      const node = presence.node();
      await node.add('alice', 'tab-1');
      time.now += CONTRACT_TTL_MS - 1;
      expect(await node.isOnline('alice')).toBe(true);
      await node.refresh();
      time.now += CONTRACT_TTL_MS - 1;
      expect(await node.isOnline('alice')).toBe(true);
      time.now += 1;
      expect(await node.isOnline('alice')).toBe(false);
      expect(await node.online()).toEqual([]);
      // Still open on this node: the next refresh counts it again, and says nothing to a new add.
      await node.refresh();
      expect(await node.online()).toEqual(['alice']);
      await node.remove('alice', 'tab-1');
      await node.refresh();
      expect(await node.isOnline('alice')).toBe(false);
      await presence.close();
    });

    it('counts the connections of every node, and stops counting a node that died', async () => {
      const { time, presence } = start();
      const [a, b] = [presence.node(), presence.node()];
      await a.add('alice', 'a-1');
      expect(await b.add('alice', 'b-1')).toBe(false);
      await a.add('carol', 'a-2');
      await b.add('bob', 'b-2');
      for (const node of [a, b]) expect((await node.online()).sort()).toEqual(['alice', 'bob', 'carol']);
      await b.remove('alice', 'b-1');
      expect(await b.isOnline('alice')).toBe(true);
      // Node A dies without a word: only node B refreshes from now on.
      time.now += CONTRACT_TTL_MS / 2;
      await b.refresh();
      time.now += CONTRACT_TTL_MS / 2;
      expect((await b.online()).sort()).toEqual(['bob']);
      expect(await b.isOnline('alice')).toBe(false);
      await presence.close();
    });
  });
}
