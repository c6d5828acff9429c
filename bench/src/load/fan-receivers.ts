// Load-process side of fan-out: many operator sockets of one system that all follow the same
// conversation (or room) and time each delivery. The receiving side is kept as cheap as it can
// be, the same way for the three systems, so that the figure is the server's: one shared read
// buffer (lean-socket.ts), only the frames that carry a visitor's message are looked into, their
// body is found by byte search, and latencies go into a preallocated typed array.
//
// A message body is `<tag>.<n> <scheduled send time>` (see messaging.ts): `n` is the message's
// index in the step, so a bitmap per socket tells a first delivery from a repeated one exactly.

import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import { clockMs, sleep } from '../stats.ts';
import { inBatches, type Endpoint } from './livechat-client.ts';
import { LeanSocket } from './lean-socket.ts';
import type { Followed, SystemName } from './participants.ts';

const CONNECT_CONCURRENCY = 50;
const DOT = 0x2e;
const SPACE = 0x20;
const QUOTE = 0x22;
const ZERO = 0x30;
const NINE = 0x39;

/** What one step measured in this process. */
interface Step {
  /** The system whose sockets this step times. */
  system: SystemName;
  tag: Buffer;
  /** Messages in the step: the bitmap holds this many slots per socket. */
  capacity: number;
  seen: Uint8Array;
  latencies: Float64Array;
  received: number;
  duplicates: number;
  /** Visitor-message frames whose body does not belong to the step (or cannot be read). */
  strays: number;
  /** Frames that are not a visitor's message (the live chat's listing updates, heartbeats). */
  others: number;
  cpu: NodeJS.CpuUsage;
  elu: EventLoopUtilization;
  startedAt: number;
}

/** The sockets of each system: the systems are held at once so that their steps can take turns. */
const groups = new Map<SystemName, LeanSocket[]>();
let step: Step | null = null;
/** The last step's arrays, reused by the next one when large enough. */
let spare: { seen: Uint8Array; latencies: Float64Array } | null = null;
/**
 * Visitor messages that arrived, per system, while no step of that system was timing: later than
 * the step's drain, or repeated after all of its messages were in. Reported when its sockets close.
 */
const outside = new Map<SystemName, number>();

/** A delivery of the body `data[start, end)` to socket number `socket` of `system`. */
function deliver(system: SystemName, socket: number, data: Buffer, start: number, end: number): void {
  const now = clockMs();
  const current = step;
  if (current === null || current.system !== system) {
    outside.set(system, (outside.get(system) ?? 0) + 1);
    return;
  }
  const tag = current.tag;
  const tagEnd = start + tag.length;
  if (tagEnd >= end || data.compare(tag, 0, tag.length, start, tagEnd) !== 0 || data[tagEnd] !== DOT) {
    current.strays += 1;
    return;
  }
  let i = tagEnd + 1;
  let n = 0;
  for (let c = data[i] as number; i < end && c >= ZERO && c <= NINE; c = data[++i] as number) n = n * 10 + c - ZERO;
  if (i === tagEnd + 1 || data[i] !== SPACE || n >= current.capacity) {
    current.strays += 1;
    return;
  }
  const at = decimal(data, i + 1, end);
  if (Number.isNaN(at)) {
    current.strays += 1;
    return;
  }
  const slot = socket * current.capacity + n;
  if (current.seen[slot] === 1) {
    current.duplicates += 1;
    return;
  }
  current.seen[slot] = 1;
  current.latencies[current.received++] = now - at;
}

/** The non-negative decimal number written in `data[start, end)` (digits, an optional fraction), or NaN. */
function decimal(data: Buffer, start: number, end: number): number {
  let value = 0;
  let scale = 1;
  let i = start;
  for (; i < end; i++) {
    const c = data[i] as number;
    if (c < ZERO || c > NINE) break;
    value = value * 10 + c - ZERO;
  }
  if (i === start) return Number.NaN;
  if (i < end && data[i] === DOT) {
    for (i += 1; i < end; i++) {
      const c = data[i] as number;
      if (c < ZERO || c > NINE) break;
      value = value * 10 + c - ZERO;
      scale *= 10;
    }
  }
  return i === end ? value / scale : Number.NaN;
}

function countOther(system: SystemName): void {
  if (step?.system === system) step.others += 1;
}

const wsUrl = (url: string) => url.replace(/^http/, 'ws');

// ---- R1: a frame is the body itself -------------------------------------------------------------

async function connectR1(index: number, server: Endpoint, follow: Followed[]): Promise<LeanSocket> {
  const rooms = follow.map((room) => room.id).join(',');
  const socket = new LeanSocket(`${wsUrl(server.url)}/?${new URLSearchParams({ role: 'operator', rooms })}`);
  socket.onText = (data, start, end) => deliver('r1', index, data, start, end);
  await socket.ready;
  return socket;
}

// ---- R2: Engine.IO v4 packets over WebSocket, Socket.IO v5 packets inside -----------------------

const SIO_EVENT_MSG = Buffer.from('42["msg","');
const SIO_EVENT_END = Buffer.from('"]');
const SIO_PING = 0x32;

/** Waits for `done` to be called by the socket's setup handler; fails on a close or after 20 s. */
function settled(socket: LeanSocket, what: string, arm: (done: (error?: Error) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what}`)), 20_000);
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.onClose = () => {};
      if (error) reject(error);
      else resolve();
    };
    socket.onClose = () => done(new Error(`socket closed waiting for ${what}`));
    arm(done);
  });
}

/**
 * A Socket.IO client reduced to what an operator socket of the relay does: connect to the main
 * namespace, answer the server's pings, receive `msg` events. The server cannot tell it from
 * socket.io-client on WebSocket (same packets, same handshake query).
 */
async function connectR2(index: number, server: Endpoint, follow: Followed[]): Promise<LeanSocket> {
  const rooms = follow.map((room) => room.id).join(',');
  const query = new URLSearchParams({ role: 'operator', rooms, EIO: '4', transport: 'websocket' });
  const socket = new LeanSocket(`${wsUrl(server.url)}/socket.io/?${query}`);
  const joined = settled(socket, 'Socket.IO connect answer', (done) => {
    socket.onText = (data, start, end) => {
      const packet = data.toString('latin1', start, end);
      if (packet.startsWith('0')) socket.sendText('40');
      else if (packet === '2') socket.sendText('3');
      else if (packet.startsWith('40')) done();
      else if (packet.startsWith('44')) done(new Error(`Socket.IO connect refused: ${packet}`));
    };
  });
  await Promise.all([socket.ready, joined]);
  socket.onText = (data, start, end) => {
    const length = end - start;
    if (
      length > SIO_EVENT_MSG.length + SIO_EVENT_END.length &&
      data.compare(SIO_EVENT_MSG, 0, SIO_EVENT_MSG.length, start, start + SIO_EVENT_MSG.length) === 0 &&
      data.compare(SIO_EVENT_END, 0, SIO_EVENT_END.length, end - SIO_EVENT_END.length, end) === 0
    ) {
      deliver('r2', index, data, start + SIO_EVENT_MSG.length, end - SIO_EVENT_END.length);
    } else if (length === 1 && data[start] === SIO_PING) {
      socket.sendText('3');
    } else countOther('r2');
  };
  return socket;
}

// ---- live chat: JSON frames; only message.created is looked into -------------------------------

const LC_CREATED = Buffer.from('{"type":"message.created",');
const LC_BODY = Buffer.from('"body":"');
const LC_AUTHOR_KIND = Buffer.from('"author":{"kind":"');
const LC_VISITOR = Buffer.from('visitor"');

interface ControlFrame {
  type: string;
  id?: string;
  frameId?: string | null;
  code?: string;
  message?: unknown;
}

/**
 * An operator socket of the live chat: waits for the welcome, follows the conversations with
 * `sync` requests (parsed as JSON, they are few), then reads `message.created` frames by byte
 * search: the serialised frame starts with its type, a message's author starts with its kind, and
 * `"body":"` or `"author":{` cannot occur unescaped inside a JSON string. A frame laid out
 * otherwise is not counted as a delivery, so a change there shows as lost messages, never as
 * wrong figures. Every other frame is counted, not parsed.
 */
async function connectLivechat(
  index: number,
  server: Endpoint,
  cookie: string,
  follow: Followed[],
): Promise<LeanSocket> {
  const socket = new LeanSocket(`${wsUrl(server.url)}/ws/operator`, { Origin: server.url, Cookie: cookie });
  /** Resolves on the frame that answers `id` (null: the welcome). */
  const answer = (id: string | null, request?: object) =>
    settled(socket, id === null ? 'welcome' : `answer to ${id}`, (done) => {
      socket.onText = (data, start, end) => {
        const frame = JSON.parse(data.toString('utf8', start, end)) as ControlFrame;
        if (id === null && frame.type === 'welcome') done();
        else if (frame.type === 'sync.result' && frame.id === id) done();
        else if (frame.type === 'error' && frame.frameId === id)
          done(new Error(`${frame.code}: ${String(frame.message)}`));
      };
      if (request) socket.sendText(JSON.stringify(request));
    });
  const welcomed = answer(null);
  await Promise.all([socket.ready, welcomed]);
  for (const [i, { id: conversationId, afterSeq }] of follow.entries()) {
    const id = `s${i}`;
    await answer(id, { type: 'sync', id, conversationId, afterSeq });
  }
  socket.onText = (data, start, end) => {
    if (data.compare(LC_CREATED, 0, LC_CREATED.length, start, start + LC_CREATED.length) !== 0) {
      countOther('livechat');
      return;
    }
    // Both keys are in every message, so neither search runs past the frame.
    const author = data.indexOf(LC_AUTHOR_KIND, start) + LC_AUTHOR_KIND.length;
    const key = data.indexOf(LC_BODY, start);
    if (
      author < LC_AUTHOR_KIND.length ||
      author + LC_VISITOR.length > end ||
      data.compare(LC_VISITOR, 0, LC_VISITOR.length, author, author + LC_VISITOR.length) !== 0 ||
      key < 0 ||
      key >= end
    ) {
      countOther('livechat');
      return;
    }
    const bodyStart = key + LC_BODY.length;
    let bodyEnd = bodyStart;
    while (bodyEnd < end && data[bodyEnd] !== QUOTE) bodyEnd++;
    // An escaped quote would end the body early: the body then fails to read and counts as a stray.
    deliver('livechat', index, data, bodyStart, bodyEnd);
  };
  return socket;
}

// ---- handlers -----------------------------------------------------------------------------------

export const fanReceiverHandlers = {
  async fanConnect({
    system,
    server,
    cookie,
    follow,
    count,
  }: {
    system: SystemName;
    server: Endpoint;
    cookie?: string;
    follow: Followed[];
    count: number;
  }) {
    if (groups.has(system)) throw new Error(`${system}: sockets already connected`);
    const indexes = Array.from({ length: count }, (_, i) => i);
    const sockets = await inBatches(indexes, CONNECT_CONCURRENCY, (index) => {
      if (system === 'r1') return connectR1(index, server, follow);
      if (system === 'r2') return connectR2(index, server, follow);
      if (!cookie) throw new Error('live chat operator sockets need a session cookie');
      return connectLivechat(index, server, cookie, follow);
    });
    groups.set(system, sockets);
    return { connected: sockets.length };
  },

  /**
   * Starts timing the step of `system` whose messages are tagged `tag`; `capacity` is how many the
   * sender will send. Only that system's sockets count in it.
   */
  fanStart({ system, tag, capacity }: { system: SystemName; tag: string; capacity: number }) {
    const sockets = groups.get(system);
    if (!sockets) throw new Error(`${system}: fanConnect first`);
    const slots = capacity * sockets.length;
    const seen = spare && spare.seen.length >= slots ? spare.seen.fill(0) : new Uint8Array(slots);
    const latencies = spare && spare.latencies.length >= slots ? spare.latencies : new Float64Array(slots);
    step = {
      system,
      tag: Buffer.from(tag),
      capacity,
      seen,
      latencies,
      received: 0,
      duplicates: 0,
      strays: 0,
      others: 0,
      cpu: process.cpuUsage(),
      elu: performance.eventLoopUtilization(),
      startedAt: clockMs(),
    };
  },

  /** Waits until `expected` first deliveries arrived (or `drainMs` passed), then hands the figures over. */
  async fanEnd({ expected, drainMs }: { expected: number; drainMs: number }) {
    const current = step;
    if (!current) throw new Error('fanStart first');
    const until = clockMs() + drainMs;
    while (current.received < expected && clockMs() < until) await sleep(20);
    const seconds = (clockMs() - current.startedAt) / 1000;
    const cpu = process.cpuUsage(current.cpu);
    const elu = performance.eventLoopUtilization(current.elu);
    const result = {
      samples: Array.from(current.latencies.subarray(0, current.received)),
      received: current.received,
      duplicates: current.duplicates,
      strays: current.strays,
      others: current.others,
      /** Share of one core this process used over the step (of which in the kernel), and how busy its event loop was. */
      cpu: (cpu.user + cpu.system) / 1e6 / seconds,
      kernel: cpu.system / 1e6 / seconds,
      busy: elu.utilization,
    };
    // Frames of this step that come later count as outside any step, not as the next step's.
    step = null;
    spare = { seen: current.seen, latencies: current.latencies };
    return result;
  },

  /** Closes the sockets of `system` and says how many visitor messages they got outside its steps. */
  fanClose({ system }: { system: SystemName }) {
    for (const socket of groups.get(system) ?? []) socket.close();
    groups.delete(system);
    if (step?.system === system) step = null;
    const result = { outside: outside.get(system) ?? 0 };
    outside.delete(system);
    if (groups.size === 0) spare = null;
    return result;
  },
};
