// Visitor and operator sockets of one load process, for any of the three systems: visitors send,
// operator sockets that follow their conversation (or room) receive.

import { type Endpoint, type LcSocket, connectOperator, connectVisitor, inBatches } from './livechat-client.ts';
import { connectR1, connectR2, type RelaySocket } from './relay-clients.ts';

export type SystemName = 'livechat' | 'r1' | 'r2';

export interface ParticipantsSetup {
  system: SystemName;
  server: Endpoint;
  /** Live chat: another node of the same deployment for the operator sockets (`server` without). */
  operatorServer?: Endpoint;
  /** Live chat: visitor tokens; relays: room names. */
  visitors: string[];
  operatorCookie?: string;
  operatorSockets: number;
  /** What the operator sockets follow: conversations (from a seq) or rooms; absent means the visitors' own. */
  follow?: Followed[];
}

export interface Followed {
  /** Conversation id (live chat) or room (relays). */
  id: string;
  afterSeq: number;
}

export interface Participants {
  /** Each visitor's conversation (live chat) or room. */
  readonly rooms: Followed[];
  /** `key` is unique per message: the idempotency key for the live chat. */
  send(visitor: number, key: string, body: string): void;
  /** Every body an operator socket receives from a visitor. */
  onDelivered: (body: string) => void;
  /** Whether the system acknowledges a visitor's message (R1 does not). */
  readonly acks: boolean;
  acked: number;
  errors: number;
  close(): Promise<void>;
}

const CONNECT_CONCURRENCY = 50;

export async function openParticipants(setup: ParticipantsSetup): Promise<Participants> {
  return setup.system === 'livechat' ? openLivechat(setup) : openRelay(setup);
}

async function openLivechat(setup: ParticipantsSetup): Promise<Participants> {
  const visitors = await inBatches(setup.visitors, CONNECT_CONCURRENCY, (token) => connectVisitor(setup.server, token));
  // A visitor without a conversation starts one, so that there is something to follow.
  const rooms = await inBatches(visitors, CONNECT_CONCURRENCY, async ({ socket, welcome }): Promise<Followed> => {
    if (welcome.type === 'welcome' && welcome.role === 'visitor' && welcome.conversation) {
      return { id: welcome.conversation.id, afterSeq: welcome.conversation.lastSeq };
    }
    const clientId = `hello-${Math.random().toString(36).slice(2)}`;
    const ack = await socket.request<'message.ack'>({
      type: 'message.send',
      id: socket.nextId(),
      clientId,
      body: 'hello',
    });
    return { id: ack.message.conversationId, afterSeq: ack.message.seq };
  });
  const follow = setup.follow ?? rooms;
  const operators: LcSocket[] = [];
  const participants: Participants = {
    rooms,
    acks: true,
    acked: 0,
    errors: 0,
    onDelivered: () => {},
    send(index, key, body) {
      const visitor = visitors[index]?.socket;
      if (!visitor) return;
      visitor.request({ type: 'message.send', id: visitor.nextId(), clientId: key, body }).then(
        () => participants.acked++,
        () => participants.errors++,
      );
    },
    async close() {
      for (const { socket } of visitors) socket.close();
      for (const socket of operators) socket.close();
    },
  };
  await inBatches(Array.from({ length: setup.operatorSockets }), CONNECT_CONCURRENCY, async () => {
    if (!setup.operatorCookie) throw new Error('operator sockets need a session cookie');
    const { socket } = await connectOperator(setup.operatorServer ?? setup.server, setup.operatorCookie);
    socket.onFrame = (frame) => {
      if (frame.type === 'message.created' && frame.message.author.kind === 'visitor')
        participants.onDelivered(frame.message.body);
    };
    for (const { id: conversationId, afterSeq } of follow) {
      await socket.request<'sync.result'>({ type: 'sync', id: socket.nextId(), conversationId, afterSeq });
    }
    operators.push(socket);
  });
  return participants;
}

async function openRelay(setup: ParticipantsSetup): Promise<Participants> {
  const connect = setup.system === 'r1' ? connectR1 : connectR2;
  const rooms = setup.visitors.map((id) => ({ id, afterSeq: 0 }));
  const visitors = await inBatches(setup.visitors, CONNECT_CONCURRENCY, (room) =>
    connect(setup.server.url, { role: 'visitor', room }),
  );
  const follow = (setup.follow ?? rooms).map((room) => room.id).join(',');
  const operators: RelaySocket[] = [];
  const participants: Participants = {
    rooms,
    acks: setup.system === 'r2',
    acked: 0,
    errors: 0,
    onDelivered: () => {},
    send(index, _key, body) {
      visitors[index]?.send(body).then(() => participants.acked++);
    },
    async close() {
      for (const socket of [...visitors, ...operators]) socket.close();
    },
  };
  await inBatches(Array.from({ length: setup.operatorSockets }), CONNECT_CONCURRENCY, async () => {
    const socket = await connect(setup.server.url, { role: 'operator', rooms: follow });
    socket.onBody = (body) => participants.onDelivered(body);
    operators.push(socket);
  });
  return participants;
}
