import type { Message } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { ConversationFeed } from './feed.ts';

const msg = (seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  clientId: null,
  author: { kind: 'visitor', id: 'v', name: 'V' },
  body: `#${seq}`,
  visibility: 'public',
  createdAt: '',
});

/** A feed over a fake store holding messages 1..stored. */
function setup(stored: number, after = 0) {
  const store = Array.from({ length: stored }, (_, i) => msg(i + 1));
  const reads: number[] = [];
  const emitted: number[] = [];
  const feed = new ConversationFeed(
    after,
    async (afterSeq) => {
      reads.push(afterSeq);
      return store.filter((m) => m.seq > afterSeq);
    },
    (m) => emitted.push(m.seq),
  );
  return { feed, reads, emitted, store };
}

describe('ConversationFeed', () => {
  it('returns the backlog, then passes live messages on in order', async () => {
    const { feed, emitted } = setup(3, 1);
    feed.push(msg(4)); // arrives while the backlog is being read
    const backlog = await feed.initial();
    expect(backlog.map((m) => m.seq)).toEqual([2, 3]);
    feed.release();
    feed.push(msg(4));
    feed.push(msg(5));
    expect(emitted).toEqual([4, 5]);
  });

  it('reads a gap from the store instead of skipping it', async () => {
    const { feed, emitted, store } = setup(0);
    await feed.initial();
    feed.release();
    store.push(msg(1), msg(2), msg(3));
    feed.push(msg(3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(emitted).toEqual([1, 2, 3]);
  });

  it('drops duplicates and counts silent messages as delivered without emitting them', async () => {
    const { feed, emitted } = setup(0);
    await feed.initial();
    feed.release();
    feed.push(msg(1), true);
    feed.push(msg(1));
    feed.push(msg(2));
    feed.push(msg(2));
    expect(emitted).toEqual([2]);
    expect(feed.cursor).toBe(2);
  });

  it('lets an ack wait until every earlier message has gone out', async () => {
    const { feed, emitted, store } = setup(0);
    await feed.initial();
    feed.release();
    const order: string[] = [];
    store.push(msg(1), msg(2));
    feed.push(msg(2)); // a gap: 1 is read from the store first
    const acked = feed.reached(2).then(() => order.push('ack 3'));
    await acked;
    order.unshift(...emitted.map((seq) => `created ${seq}`));
    expect(order).toEqual(['created 1', 'created 2', 'ack 3']);
    feed.close();
    await feed.reached(99); // a closed feed holds no one back
  });
});
