// Load-process side of the message scenarios: sends at an offered rate or in a closed loop (round
// trip, and fan-out's sender), and times every delivery at the operator sockets (round trip; the
// fan-out's receiving sockets are in fan-receivers.ts).

import { clockMs, sleep } from '../stats.ts';
import { openParticipants, type Participants, type ParticipantsSetup } from './participants.ts';

interface Collected {
  samples: number[];
  received: number;
  duplicates: number;
  seen: Set<string>;
}

const groups = new Map<string, Participants>();
const collecting = new Map<string, Collected>();

function group(name: string): Participants {
  const found = groups.get(name);
  if (!found) throw new Error(`no participants named ${name}`);
  return found;
}

/** The body carries its key and its intended send time on the monotonic clock shared by all processes. */
const body = (key: string, at: number) => `${key} ${at.toFixed(3)}`;
const parse = (text: string) => {
  const space = text.indexOf(' ');
  return { key: text.slice(0, space), at: Number(text.slice(space + 1)) };
};

function listen(name: string, participants: Participants, countDuplicates: boolean, onKey?: (key: string) => void) {
  participants.onDelivered = (text) => {
    const now = clockMs();
    const { key, at } = parse(text);
    if (!Number.isFinite(at)) return;
    const collected = collecting.get(name);
    if (collected) {
      collected.received += 1;
      collected.samples.push(now - at);
      if (countDuplicates) {
        if (collected.seen.has(key)) collected.duplicates += 1;
        else collected.seen.add(key);
      }
    }
    onKey?.(key);
  };
}

export const messagingHandlers = {
  async open({ name, setup }: { name: string; setup: ParticipantsSetup }) {
    // Several sets may be held at once (one per system); a name stands for one of them only.
    if (groups.has(name)) throw new Error(`participants named ${name} are already open`);
    const participants = await openParticipants(setup);
    groups.set(name, participants);
    return { rooms: participants.rooms };
  },

  async close({ name }: { name: string }) {
    await groups.get(name)?.close();
    groups.delete(name);
    collecting.delete(name);
  },

  collectStart({ name, countDuplicates = true }: { name: string; countDuplicates?: boolean }) {
    collecting.set(name, { samples: [], received: 0, duplicates: 0, seen: new Set() });
    listen(name, group(name), countDuplicates);
  },

  /** Waits until `expected` deliveries arrived (or `drainMs` passed), then hands the samples over. */
  async collectEnd({ name, expected, drainMs }: { name: string; expected?: number; drainMs: number }) {
    const until = clockMs() + drainMs;
    while (expected !== undefined && (collecting.get(name)?.received ?? 0) < expected && clockMs() < until)
      await sleep(20);
    const collected = collecting.get(name);
    collecting.delete(name);
    if (!collected) throw new Error(`not collecting for ${name}`);
    return { samples: collected.samples, received: collected.received, duplicates: collected.duplicates };
  },

  /** Open loop: sends on schedule whatever the system does, visitors in turn; latency counts from the schedule. */
  async openLoop({ name, tag, rate, durationMs }: { name: string; tag: string; rate: number; durationMs: number }) {
    const participants = group(name);
    const visitors = participants.rooms.length;
    const start = clockMs();
    const total = Math.floor((rate * durationMs) / 1000);
    const ackedBefore = participants.acked;
    const errorsBefore = participants.errors;
    let sent = 0;
    // How late each message left this process: latency runs from the schedule, so a load process
    // that is busy or waiting for a core adds its own delay to what it measures.
    const late: number[] = [];
    while (sent < total) {
      const due = Math.min(total, Math.floor(((clockMs() - start) * rate) / 1000) + 1);
      for (; sent < due; sent++) {
        const intended = start + (sent * 1000) / rate;
        const key = `${tag}.${sent}`;
        late.push(clockMs() - intended);
        participants.send(sent % visitors, key, body(key, intended));
      }
      // Wake for the next message's time rather than every millisecond (a thousand wake-ups a second
      // even at 5 messages/s). Messages still never go before their time, and a late timer shows
      // in the latency, which runs from the schedule.
      if (sent < total) await sleep(Math.max(1, Math.floor(start + (sent * 1000) / rate - clockMs())));
    }
    const acked = () => participants.acked - ackedBefore;
    const errors = () => participants.errors - errorsBefore;
    const ackWait = clockMs() + 5000;
    while (participants.acks && acked() + errors() < sent && clockMs() < ackWait) await sleep(20);
    return { sent, acked: participants.acks ? acked() : null, errors: errors(), late };
  },

  /** Closed loop: each visitor sends its next message as soon as the operator side received the last. */
  async closedLoop({ name, tag, durationMs }: { name: string; tag: string; durationMs: number }) {
    const participants = group(name);
    const collected: Collected = { samples: [], received: 0, duplicates: 0, seen: new Set() };
    collecting.set(name, collected);
    const counters = participants.rooms.map(() => 0);
    let running = true;
    const sendNext = (visitor: number) => {
      const n = (counters[visitor] = (counters[visitor] ?? 0) + 1);
      const key = `${tag}.${visitor}.${n}`;
      participants.send(visitor, key, body(key, clockMs()));
    };
    listen(name, participants, true, (key) => {
      const visitor = Number(key.split('.')[1]);
      if (running && Number.isInteger(visitor)) sendNext(visitor);
    });
    const start = clockMs();
    counters.forEach((_, visitor) => sendNext(visitor));
    await sleep(durationMs);
    running = false;
    const seconds = (clockMs() - start) / 1000;
    const received = collected.received;
    await sleep(500);
    collecting.delete(name);
    const sent = counters.reduce((sum, n) => sum + n, 0);
    return { samples: collected.samples, received, seconds, duplicates: collected.duplicates, sent };
  },
};
