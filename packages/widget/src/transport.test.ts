import type { ServerToVisitor, VisitorToServer } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError } from './errors.ts';
import { type KeyValueStore, memoryStore } from './storage.ts';
import { message, system, visitor } from './test-messages.ts';
import { type SocketLike, type TransportEvent, type TransportOptions, VisitorTransport } from './transport.ts';

class FakeSocket implements SocketLike {
  readyState = 1;
  sent: VisitorToServer[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(
    readonly url: string,
    refuse = false,
  ) {
    // A real socket opens asynchronously; a refused upgrade never opens at all.
    if (!refuse) queueMicrotask(() => this.onopen?.({} as Event));
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as VisitorToServer);
  }
  close() {
    this.readyState = 3;
  }
  receive(frame: ServerToVisitor) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  last<T extends VisitorToServer['type']>(type: T) {
    return this.sent.filter((frame): frame is Extract<VisitorToServer, { type: T }> => frame.type === type).at(-1);
  }
}

const welcome = (conversation: { id: string; lastSeq: number; seenSeq?: number } | null): ServerToVisitor => ({
  type: 'welcome',
  role: 'visitor',
  visitor: { id: 'visitor-1', name: null, email: null },
  conversation,
});

function setup(storage: KeyValueStore = memoryStore(), refuse = () => false, options: Partial<TransportOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const events: TransportEvent[] = [];
  let token = 'token-1';
  const renewToken = vi.fn(async () => (token = `token-${Number(token.split('-')[1]) + 1}`));
  const transport = new VisitorTransport({
    origin: 'https://chat.test',
    siteId: 'site 1',
    storage,
    getToken: async () => token,
    renewToken,
    onEvent: (event) => events.push(event),
    openSocket: (url) => {
      const socket = new FakeSocket(url, refuse());
      sockets.push(socket);
      return socket;
    },
    ...options,
  });
  const socket = () => sockets.at(-1) as FakeSocket;
  const messageSeqs = () => events.flatMap((e) => (e.type === 'messages' ? e.messages.map((m) => m.seq) : []));
  const statuses = () => events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
  const lastEvent = <T extends TransportEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TransportEvent, { type: T }> => e.type === type).at(-1);
  return { transport, sockets, socket, events, storage, renewToken, messageSeqs, statuses, lastEvent };
}

/** Lets the awaited token resolve so the socket is opened. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('visitor transport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects with the site and token in the URL, then asks for what it missed', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    expect(t.socket().url).toBe('wss://chat.test/ws/visitor?site=site%201&token=token-1');
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 2 }));
    expect(t.socket().last('sync')).toMatchObject({ afterSeq: 0 });
    expect(t.storage.get('livechat:site 1:conversation')).toBe('conv-1');
    t.socket().receive({
      type: 'sync.result',
      id: 's',
      conversationId: 'conv-1',
      messages: [message(1), message(2)],
      lastSeq: 2,
    });
    expect(t.messageSeqs()).toEqual([1, 2]);
    expect(t.statuses().at(-1)).toBe('online');
  });

  it('after a reconnect asks only for messages after the last one it saw', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 3 }));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [message(1)], lastSeq: 3 });
    t.socket().receive({ type: 'message.created', message: message(4) });
    t.socket().drop(1006);
    expect(t.statuses().at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(t.sockets).toHaveLength(2);
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 5 }));
    expect(t.socket().last('sync')).toMatchObject({ afterSeq: 4 });
  });

  it('queues a message while offline and sends it once, with the same clientId, after the sync', async () => {
    const t = setup();
    t.transport.start();
    t.transport.send('Hello?');
    await settle();
    expect(t.lastEvent('outbox')?.items.map((i) => i.body)).toEqual(['Hello?']);
    t.socket().receive(welcome(null));
    expect(t.socket().last('message.send')).toBeUndefined();
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    const frame = t.socket().last('message.send');
    expect(frame).toMatchObject({ body: 'Hello?' });

    // The connection drops before the ack: the resend reuses the clientId.
    t.socket().drop(1006);
    await vi.advanceTimersByTimeAsync(500);
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    const resent = t.socket().last('message.send');
    expect(resent?.clientId).toBe(frame?.clientId);
    expect(resent?.id).not.toBe(frame?.id);

    // The ack creates the conversation and empties the outbox, also in storage.
    const stored = message(1, { clientId: frame?.clientId ?? '', author: visitor, body: 'Hello?' });
    t.socket().receive({ type: 'message.ack', id: resent?.id ?? '', message: stored });
    expect(t.storage.get('livechat:site 1:conversation')).toBe('conv-1');
    expect(t.storage.get('livechat:site 1:outbox')).toBeNull();
    expect(t.messageSeqs()).toEqual([1]);
  });

  it('sends a message’s files by their ids, and resends them with the same clientId after a drop', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    const screenshot = { id: 'upload-0001', name: 'error.png', size: 1200, kind: 'image' as const, mime: 'image/png' };
    t.transport.send('', [screenshot]);
    const frame = t.socket().last('message.send');
    expect(frame).toMatchObject({ body: '', attachmentIds: ['upload-0001'] });
    // Kept with the waiting message, in storage too, so a reload still shows and resends them.
    expect(t.lastEvent('outbox')?.items[0]?.attachments).toEqual([screenshot]);
    expect(t.storage.get('livechat:site 1:outbox')).toContain('upload-0001');

    t.socket().drop(1006);
    await vi.advanceTimersByTimeAsync(500);
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    expect(t.socket().last('message.send')).toMatchObject({
      clientId: frame?.clientId,
      body: '',
      attachmentIds: ['upload-0001'],
    });
  });

  it('drops an outbox entry the server already stored when the ack was lost', async () => {
    const storage = memoryStore();
    storage.set(
      'livechat:site 1:outbox',
      JSON.stringify([{ clientId: 'c1', body: 'hi', createdAt: '2025-01-01T00:00:00Z' }]),
    );
    const t = setup(storage);
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 1 }));
    const mine = message(1, { clientId: 'c1', author: visitor, body: 'hi' });
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [mine], lastSeq: 1 });
    expect(t.socket().last('message.send')).toBeUndefined();
    expect(storage.get('livechat:site 1:outbox')).toBeNull();
  });

  it('marks a refused message instead of resending it forever', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    t.transport.send('x'.repeat(5000));
    const frame = t.socket().last('message.send');
    t.socket().receive({
      type: 'error',
      code: 'bad_frame',
      message: 'body: at most 4000 characters',
      frameId: frame?.id ?? null,
    });
    expect(t.lastEvent('outbox')?.items[0]?.error).toBe('body: at most 4000 characters');
  });

  it('keeps a rate-limited message in the outbox, holds the next one, and sends both once the wait is over', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    t.transport.send('one');
    const frame = t.socket().last('message.send');
    t.socket().receive({
      type: 'error',
      code: 'rate_limited',
      message: 'too many messages',
      frameId: frame?.id ?? null,
      retryAfterMs: 3000,
    });
    // Not failed for good, not lost, and the visitor is told how long.
    expect(t.lastEvent('outbox')?.items.map((i) => [i.body, i.error])).toEqual([['one', undefined]]);
    expect(t.lastEvent('limited')).toEqual({ type: 'limited', retryAfterMs: 3000 });
    expect(t.events.some((e) => e.type === 'error')).toBe(false);
    t.transport.send('two');
    expect(t.socket().sent.filter((f) => f.type === 'message.send')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(2999);
    expect(t.socket().sent.filter((f) => f.type === 'message.send')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const resent = t
      .socket()
      .sent.filter((f) => f.type === 'message.send')
      .slice(1);
    expect(resent.map((f) => f.body)).toEqual(['one', 'two']);
    expect(resent[0]?.clientId).toBe(frame?.clientId);
    expect(t.lastEvent('limited')).toEqual({ type: 'limited', retryAfterMs: 0 });
  });

  it('ignores a rate-limited typing frame: the next change carries the news', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
    t.transport.noteTyping();
    const typing = t.socket().last('typing.set');
    t.socket().receive({ type: 'error', code: 'rate_limited', message: 'slow', frameId: typing?.id ?? null });
    expect(t.lastEvent('limited')).toBeUndefined();
    t.transport.send('still goes');
    expect(t.socket().last('message.send')?.body).toBe('still goes');
  });

  it('after close 4029 (too many sockets) says so and waits a minute or more before trying again', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    t.socket().drop(4029);
    await settle();
    expect(t.statuses().at(-1)).toBe('crowded');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(t.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(t.sockets).toHaveLength(2);
    t.transport.stop();
  });

  it('when the upgrade is refused, checks the token over HTTP and renews it if the server rejects it', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization;
      return new Response(null, { status: auth === 'Bearer token-1' ? 401 : 200 });
    });
    vi.stubGlobal('fetch', fetch);
    try {
      const t = setup(memoryStore(), () => t.sockets.length === 0);
      t.transport.start();
      await settle();
      t.socket().drop(1006);
      await settle();
      expect(fetch).toHaveBeenCalledWith('https://chat.test/api/sites/site%201/conversation', expect.anything());
      expect(t.renewToken).toHaveBeenCalledWith('token-1');
      expect(t.socket().url).toContain('token=token-2');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops for good, without a socket, when the server refuses to mint a token for this page', async () => {
    let asked = 0;
    const t = setup(memoryStore(), () => false, {
      getToken: async () => {
        asked++;
        throw new ChatError('not_found', 'no such site');
      },
    });
    t.transport.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(asked).toBe(1);
    expect(t.sockets).toHaveLength(0);
    expect(t.statuses().at(-1)).toBe('blocked');
    expect(t.lastEvent('refused')).toEqual({ type: 'refused', code: 'not_found', message: 'no such site' });
  });

  it('keeps retrying when minting fails for a reason that may pass (the server is down)', async () => {
    let asked = 0;
    const t = setup(memoryStore(), () => false, {
      getToken: async () => {
        asked++;
        throw new TypeError('Failed to fetch');
      },
    });
    t.transport.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toBeGreaterThan(2);
    expect(t.statuses()).not.toContain('blocked');
    t.transport.stop();
  });

  it('when the upgrade is refused and the server now refuses the site itself, stops instead of retrying', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 200 })),
    );
    try {
      const siteRefusal = vi.fn(async () => new ChatError('bad_origin', 'this origin may not use the site'));
      const t = setup(memoryStore(), () => true, { siteRefusal });
      t.transport.start();
      await settle();
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(siteRefusal).toHaveBeenCalledTimes(1);
      expect(t.sockets).toHaveLength(1);
      expect(t.lastEvent('refused')?.code).toBe('bad_origin');
      expect(t.renewToken).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks the server why when the site stops allowing the page mid-chat (close 4004), and stops if it refuses', async () => {
    const siteRefusal = vi.fn(async () => new ChatError('not_found', 'no such site'));
    const t = setup(memoryStore(), () => true, { siteRefusal });
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 1 }));
    t.socket().drop(4004);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(siteRefusal).toHaveBeenCalledTimes(1);
    expect(t.sockets).toHaveLength(1);
    expect(t.lastEvent('refused')?.code).toBe('not_found');
  });

  it('reconnects after a close 4004 when the server allows the page again by the time it asks', async () => {
    const siteRefusal = vi.fn(async () => null);
    const t = setup(memoryStore(), () => true, { siteRefusal });
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 1 }));
    t.socket().drop(4004);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(siteRefusal).toHaveBeenCalledTimes(1);
    expect(t.sockets).toHaveLength(2);
    expect(t.lastEvent('refused')).toBeUndefined();
  });

  it('never reconnects with a token whose session ended (close 4001, the visitor’s reset())', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 1 }));
    t.socket().drop(4001);
    await settle();
    expect(t.renewToken).toHaveBeenCalledWith('token-1');
    expect(t.sockets).toHaveLength(2);
    expect(t.socket().url).toContain('token=token-2');
    // Ended again before any welcome: a new token still, but after the backoff rather than at once.
    t.socket().drop(4001);
    await settle();
    expect(t.renewToken).toHaveBeenLastCalledWith('token-2');
    expect(t.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(t.sockets).toHaveLength(3);
    expect(t.socket().url).toContain('token=token-3');
    expect(t.sockets.map((socket) => new URL(socket.url).searchParams.get('token'))).toEqual([
      'token-1',
      'token-2',
      'token-3',
    ]);
  });

  it('ignores the close of a socket it has already left (the old token’s, after reset())', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    const old = t.socket();
    t.transport.stop();
    old.drop(4001);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.renewToken).not.toHaveBeenCalled();
    expect(t.sockets).toHaveLength(1);
  });

  it('retries at most 2 s apart while the server restarts (close 1012), where a lost connection backs off to 15 s', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 200 })),
    );
    try {
      for (const code of [1012, 1006]) {
        let down = false;
        const t = setup(memoryStore(), () => down);
        t.transport.start();
        await settle();
        t.socket().receive(welcome(null));
        down = true;
        t.socket().drop(code);
        // Six failed attempts while the server is away: each retry must come within 2 s of the last.
        let withinTwoSeconds = 0;
        for (let i = 0; i < 6; i++) {
          const before = t.sockets.length;
          await vi.advanceTimersByTimeAsync(2000);
          if (t.sockets.length > before) withinTwoSeconds++;
          else await vi.advanceTimersByTimeAsync(15_000 - 2000);
          t.socket().drop(1006);
          await settle();
        }
        expect(withinTwoSeconds, `close ${code}`).toBe(code === 1012 ? 6 : 3);
        t.transport.stop();
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('pings every 25 s and reconnects when nothing answers', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome(null));
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.socket().last('ping')).toBeDefined();
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.sockets).toHaveLength(2);
  });

  it('forgets the old conversation when the server reports another one', async () => {
    const t = setup();
    t.transport.start();
    await settle();
    t.socket().receive(welcome({ id: 'conv-1', lastSeq: 9 }));
    t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [message(9)], lastSeq: 9 });
    t.socket().receive({
      type: 'message.ack',
      id: 'f',
      message: message(1, { conversationId: 'conv-2', author: visitor }),
    });
    expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: 'conv-2' });
    expect(t.storage.get('livechat:site 1:conversation')).toBe('conv-2');
  });
  describe('reads, both ways', () => {
    async function connected() {
      const t = setup();
      t.transport.start();
      await settle();
      t.socket().receive(welcome({ id: 'conv-1', lastSeq: 4, seenSeq: 3 }));
      t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [], lastSeq: 4 });
      return t;
    }
    const seen = (t: ReturnType<typeof setup>) => t.events.flatMap((e) => (e.type === 'seen' ? [e.seq] : []));

    it('reports the welcome’s seen marker, then each one of the open conversation', async () => {
      const t = await connected();
      t.socket().receive({ type: 'conversation.seen', conversationId: 'other', seq: 9 });
      t.socket().receive({ type: 'conversation.seen', conversationId: 'conv-1', seq: 4 });
      expect(seen(t)).toEqual([3, 4]);
    });

    it('tells the server what the visitor has seen, only forward', async () => {
      const t = await connected();
      t.transport.markRead(4);
      t.transport.markRead(2);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(t.socket().sent.filter((frame) => frame.type === 'conversation.read')).toMatchObject([{ seq: 4 }]);
    });
  });

  describe('when a conversation ends', () => {
    /** Connected, in conv-1 up to seq 5. */
    async function inConversation(t = setup()) {
      t.transport.start();
      await settle();
      t.socket().receive(welcome({ id: 'conv-1', lastSeq: 5 }));
      t.socket().receive({
        type: 'sync.result',
        id: 's',
        conversationId: 'conv-1',
        messages: [message(5)],
        lastSeq: 5,
      });
      return t;
    }
    const ended = (t: ReturnType<typeof setup>) =>
      t.events.flatMap((e) => (e.type === 'ended' ? [e.conversationId] : []));
    const line = (seq: number) =>
      message(seq, {
        author: system,
        body: 'The visitor ended the conversation',
        system: { event: 'ended', name: 'Ada' },
      });

    it('sends conversation.end, and the next message starts a new conversation that resumes from its own seq', async () => {
      const t = await inConversation();
      t.transport.end();
      expect(t.socket().last('conversation.end')).toMatchObject({ type: 'conversation.end' });
      t.socket().receive({ type: 'message.created', message: line(6) });
      t.socket().receive({ type: 'conversation.closed', conversationId: 'conv-1' });
      expect(ended(t)).toEqual(['conv-1']);
      expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: null });
      expect(t.storage.get('livechat:site 1:conversation')).toBeNull();

      t.transport.send('One more question');
      const frame = t.socket().last('message.send');
      const first = message(1, { conversationId: 'conv-2', clientId: frame?.clientId ?? '', author: visitor });
      t.socket().receive({ type: 'message.ack', id: frame?.id ?? '', message: first });
      expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: 'conv-2' });
      expect(t.lastEvent('messages')?.messages).toEqual([first]);
      expect(t.storage.get('livechat:site 1:conversation')).toBe('conv-2');

      // After a reconnect it asks for what follows seq 1 of the new conversation, not seq 6 of the old one.
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome({ id: 'conv-2', lastSeq: 1 }));
      expect(t.socket().last('sync')).toMatchObject({ afterSeq: 1 });
      expect(ended(t)).toEqual(['conv-1']);
    });

    it('shows a system line that comes after the close without taking the ended conversation back', async () => {
      const t = await inConversation();
      t.socket().receive({ type: 'conversation.closed', conversationId: 'conv-1' });
      t.socket().receive({ type: 'message.created', message: line(6) });
      expect(t.lastEvent('messages')?.messages).toEqual([line(6)]);
      expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: null });
      expect(t.storage.get('livechat:site 1:conversation')).toBeNull();
      // The welcome after a close has no conversation: the sync asks from the start of the next one.
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome(null));
      expect(t.socket().last('sync')).toMatchObject({ afterSeq: 0 });
    });

    it('does not resume an ended conversation named by a sync answered just before the close', async () => {
      const t = await inConversation();
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome({ id: 'conv-1', lastSeq: 5 }));
      t.socket().receive({ type: 'conversation.closed', conversationId: 'conv-1' });
      t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [line(6)], lastSeq: 6 });
      expect(t.lastEvent('messages')?.messages).toEqual([line(6)]);
      expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: null });
      t.transport.send('Hello again');
      const frame = t.socket().last('message.send');
      const first = message(1, { conversationId: 'conv-2', clientId: frame?.clientId ?? '', author: visitor });
      t.socket().receive({ type: 'message.ack', id: frame?.id ?? '', message: first });
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome({ id: 'conv-2', lastSeq: 1 }));
      expect(t.socket().last('sync')).toMatchObject({ afterSeq: 1 });
    });

    it('learns from the welcome that the conversation ended while the page was away', async () => {
      const t = await inConversation();
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome(null));
      expect(ended(t)).toEqual(['conv-1']);
      expect(t.socket().last('sync')).toMatchObject({ afterSeq: 0 });
    });

    it('does not call a conversation ended when a renewed token makes this another visitor', async () => {
      const t = await inConversation();
      t.socket().drop(4001);
      await settle();
      expect(t.socket().url).toContain('token=token-2');
      t.socket().receive(welcome(null));
      expect(ended(t)).toEqual([]);
      expect(t.lastEvent('conversation')).toEqual({ type: 'conversation', conversationId: null });
    });

    it('asks again after a reconnect when the end was asked while offline, and only while the conversation is open', async () => {
      const t = await inConversation();
      t.socket().drop(1006);
      t.transport.end();
      await vi.advanceTimersByTimeAsync(500);
      expect(t.socket().last('conversation.end')).toBeUndefined();
      t.socket().receive(welcome({ id: 'conv-1', lastSeq: 5 }));
      expect(t.socket().last('conversation.end')).toBeUndefined();
      t.socket().receive({ type: 'sync.result', id: 's', conversationId: 'conv-1', messages: [], lastSeq: 5 });
      expect(t.socket().last('conversation.end')).toBeDefined();
      t.socket().receive({ type: 'conversation.closed', conversationId: 'conv-1' });
      t.socket().drop(1006);
      await vi.advanceTimersByTimeAsync(500);
      t.socket().receive(welcome(null));
      t.socket().receive({ type: 'sync.result', id: 's', conversationId: null, messages: [], lastSeq: 0 });
      expect(t.socket().last('conversation.end')).toBeUndefined();
    });

    it('reports the server refusing to end the conversation', async () => {
      const t = await inConversation();
      t.transport.end();
      const frame = t.socket().last('conversation.end');
      t.socket().receive({ type: 'error', code: 'conflict', message: 'already closed', frameId: frame?.id ?? null });
      expect(t.lastEvent('error')).toEqual({ type: 'error', code: 'conflict', message: 'already closed' });
    });
  });
});
