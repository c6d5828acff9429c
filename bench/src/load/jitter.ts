// Load-process side of the jitter scenario: visitors chat while their sockets are force-closed
// every few seconds; an operator socket that stays up writes to every conversation on its own
// schedule, so some of its messages land while the visitor is away. Afterwards, every acknowledged
// message must have been delivered exactly once, in both directions.

import { clockMs, sleep, waitUntil } from '../stats.ts';
import { connectOperator, type Endpoint, inBatches } from './livechat-client.ts';
import type { SystemName } from './participants.ts';
import { connectR2, type RelaySocket } from './relay-clients.ts';
import { ResilientVisitor } from './resilient-visitor.ts';

export interface JitterLoad {
  durationMs: number;
  closeEveryMs: number;
  sendEveryMs: number;
}

export interface JitterOutcome {
  visitors: number;
  forcedCloses: number;
  /** Visitor messages acknowledged, and how many of those the operator never got or got twice. */
  visitorAcked: number;
  visitorLost: number;
  visitorDuplicated: number;
  /** Operator messages acknowledged, and how many of those the visitor never got or got twice. */
  operatorAcked: number;
  operatorLost: number;
  operatorDuplicated: number;
  /** Seqs missing from a visitor's view of its conversation (live chat only). */
  gaps: number;
  errors: number;
}

interface Run {
  load(options: JitterLoad, tag: string): Promise<{ forcedCloses: number }>;
  verify(lastSeq: Record<string, number>): JitterOutcome;
}

let current: Run | null = null;

/** Calls `act` for each index at a random phase, then every `everyMs`, until `endAt`. */
function everyWithPhase(count: number, everyMs: number, endAt: number, act: (index: number) => void): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < count; i++) {
    const tick = () => {
      if (clockMs() >= endAt) return;
      act(i);
      timers[i] = setTimeout(tick, everyMs * (0.8 + 0.4 * Math.random()));
    };
    timers[i] = setTimeout(tick, Math.random() * everyMs);
  }
  return sleep(Math.max(0, endAt - clockMs())).then(() => timers.forEach(clearTimeout));
}

async function livechatRun(server: Endpoint, tokens: string[], cookie: string): Promise<Run> {
  const visitors = tokens.map(
    (token, i) => new ResilientVisitor(server, token, `v${i}-${Math.random().toString(36).slice(2, 8)}`),
  );
  await inBatches(visitors, 50, (visitor) => visitor.start());
  // Every visitor needs a conversation for the operator to follow.
  const greetings = new Set<string>();
  await inBatches(visitors, 50, async (visitor) => {
    if (visitor.conversationId) return;
    greetings.add(visitor.send('hello'));
    await waitUntil(() => visitor.conversationId !== null, 20_000, 'the ack of a first message');
  });
  const received = new Map<string, number>();
  const operatorSent = new Map<string, { conversationId: string; seq: number }>();
  let errors = 0;
  const { socket: operator } = await connectOperator(server, cookie);
  operator.onFrame = (frame) => {
    if (frame.type === 'message.created' && frame.message.author.kind === 'visitor') {
      const clientId = frame.message.clientId ?? '';
      received.set(clientId, (received.get(clientId) ?? 0) + 1);
    } else if (frame.type === 'message.ack') {
      operatorSent.set(frame.message.clientId ?? '', {
        conversationId: frame.message.conversationId,
        seq: frame.message.seq,
      });
    } else if (frame.type === 'error') errors += 1;
  };
  for (const visitor of visitors) {
    await operator.request({
      type: 'sync',
      id: operator.nextId(),
      conversationId: visitor.conversationId ?? '',
      afterSeq: visitor.cursor,
    });
  }
  return {
    async load(options, tag) {
      let forcedCloses = 0;
      const endAt = clockMs() + options.durationMs;
      await Promise.all([
        everyWithPhase(visitors.length, options.sendEveryMs, endAt, (i) => visitors[i]?.send(`${tag} message`)),
        everyWithPhase(visitors.length, options.sendEveryMs, endAt, (i) => {
          const conversationId = visitors[i]?.conversationId ?? '';
          const id = operator.nextId();
          operator.send({
            type: 'message.send',
            id,
            conversationId,
            clientId: `op.${tag}.${id}`,
            body: `${tag} answer`,
          });
        }),
        everyWithPhase(visitors.length, options.closeEveryMs, endAt, (i) => {
          forcedCloses += 1;
          visitors[i]?.forceClose();
        }),
      ]);
      // Let every visitor come back and flush its outbox, then let the last replies land.
      const settleBy = clockMs() + 20_000;
      while (clockMs() < settleBy && visitors.some((v) => !v.connected || v.outbox.size > 0)) await sleep(100);
      await sleep(1500);
      return { forcedCloses };
    },
    verify(lastSeq) {
      const outcome = emptyOutcome(visitors.length);
      outcome.errors = errors + visitors.reduce((n, v) => n + v.errors, 0);
      const byConversation = new Map(visitors.map((v) => [v.conversationId, v]));
      for (const visitor of visitors) {
        for (const clientId of visitor.acked.keys()) {
          // Sent before the operator followed the conversation: not part of the measurement.
          if (greetings.has(clientId)) continue;
          outcome.visitorAcked += 1;
          const times = received.get(clientId) ?? 0;
          if (times === 0) outcome.visitorLost += 1;
          if (times > 1) outcome.visitorDuplicated += 1;
        }
        outcome.operatorDuplicated += visitor.duplicates;
        outcome.gaps += visitor.missingUpTo(lastSeq[visitor.conversationId ?? ''] ?? 0);
      }
      for (const { conversationId, seq } of operatorSent.values()) {
        outcome.operatorAcked += 1;
        if (!byConversation.get(conversationId)?.hasDelivered(seq)) outcome.operatorLost += 1;
      }
      for (const visitor of visitors) visitor.stop();
      operator.close();
      return outcome;
    },
  };
}

async function socketIoRun(server: Endpoint, rooms: string[]): Promise<Run> {
  const visitors = await inBatches(rooms, 50, (room) => connectR2(server.url, { role: 'visitor', room }));
  const operator: RelaySocket = await connectR2(server.url, { role: 'operator', rooms: rooms.join(',') });
  const received = new Map<string, number>();
  const operatorReceived = new Map<string, number>();
  const visitorAcked = new Set<string>();
  const operatorAcked = new Set<string>();
  operator.onBody = (body) => received.set(body, (received.get(body) ?? 0) + 1);
  visitors.forEach((visitor) => {
    visitor.onBody = (body) => operatorReceived.set(body, (operatorReceived.get(body) ?? 0) + 1);
  });
  return {
    async load(options, tag) {
      let forcedCloses = 0;
      let counter = 0;
      const endAt = clockMs() + options.durationMs;
      await Promise.all([
        everyWithPhase(visitors.length, options.sendEveryMs, endAt, (i) => {
          const key = `${tag}.${rooms[i]}.${++counter}`;
          void visitors[i]?.send(key).then(() => visitorAcked.add(key));
        }),
        everyWithPhase(visitors.length, options.sendEveryMs, endAt, (i) => {
          const key = `op.${tag}.${++counter}`;
          void operator.send(key, rooms[i]).then(() => operatorAcked.add(key));
        }),
        everyWithPhase(visitors.length, options.closeEveryMs, endAt, (i) => {
          forcedCloses += 1;
          visitors[i]?.terminate();
        }),
      ]);
      const settleBy = clockMs() + 20_000;
      while (
        clockMs() < settleBy &&
        visitors.some((v) => !(v as RelaySocket & { io: { connected: boolean } }).io.connected)
      )
        await sleep(100);
      await sleep(1500);
      return { forcedCloses };
    },
    verify() {
      const outcome = emptyOutcome(visitors.length);
      for (const key of visitorAcked) {
        outcome.visitorAcked += 1;
        const times = received.get(key) ?? 0;
        if (times === 0) outcome.visitorLost += 1;
        if (times > 1) outcome.visitorDuplicated += 1;
      }
      for (const key of operatorAcked) {
        outcome.operatorAcked += 1;
        const times = operatorReceived.get(key) ?? 0;
        if (times === 0) outcome.operatorLost += 1;
        if (times > 1) outcome.operatorDuplicated += 1;
      }
      for (const socket of [...visitors, operator]) socket.close();
      return outcome;
    },
  };
}

function emptyOutcome(visitors: number): JitterOutcome {
  return {
    visitors,
    forcedCloses: 0,
    visitorAcked: 0,
    visitorLost: 0,
    visitorDuplicated: 0,
    operatorAcked: 0,
    operatorLost: 0,
    operatorDuplicated: 0,
    gaps: 0,
    errors: 0,
  };
}

export const jitterHandlers = {
  async jitterPrepare({
    system,
    server,
    visitors,
    operatorCookie,
  }: {
    system: SystemName;
    server: Endpoint;
    visitors: string[];
    operatorCookie?: string;
  }) {
    current =
      system === 'livechat'
        ? await livechatRun(server, visitors, operatorCookie ?? '')
        : await socketIoRun(server, visitors);
  },
  async jitterRun({ options, tag }: { options: JitterLoad; tag: string }) {
    if (!current) throw new Error('jitterPrepare first');
    return current.load(options, tag);
  },
  jitterVerify({ lastSeq }: { lastSeq: Record<string, number> }) {
    if (!current) throw new Error('jitterPrepare first');
    const outcome = current.verify(lastSeq);
    current = null;
    return outcome;
  },
};
