// Load-process side of the flood scenario: one visitor sends message frames at a fixed rate, as a
// script would, and counts how the server answered.

import { connectVisitor, type Endpoint, type LcSocket } from './livechat-client.ts';

const TICK_MS = 10;

interface FloodCount {
  sent: number;
  acked: number;
  limited: number;
  otherErrors: number;
  /** Whether the server kept the flooder's socket open to the end. */
  stillOpen: boolean;
}

let flooder: { socket: LcSocket; timer: NodeJS.Timeout; count: FloodCount } | null = null;

export const floodHandlers = {
  async floodStart({ server, token, framesPerSecond }: { server: Endpoint; token: string; framesPerSecond: number }) {
    const { socket } = await connectVisitor(server, token);
    const count: FloodCount = { sent: 0, acked: 0, limited: 0, otherErrors: 0, stillOpen: true };
    socket.onFrame = (frame) => {
      if (frame.type === 'message.ack') count.acked += 1;
      else if (frame.type === 'error' && frame.code === 'rate_limited') count.limited += 1;
      else if (frame.type === 'error') count.otherErrors += 1;
    };
    const startedAt = performance.now();
    // Catches up with the schedule on every tick, so that a late timer does not lower the rate.
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - startedAt) / 1000) * framesPerSecond);
      while (count.sent < due) {
        count.sent += 1;
        socket.send({ type: 'message.send', id: `flood-${count.sent}`, clientId: `flood-${count.sent}`, body: 'x' });
      }
    }, TICK_MS);
    flooder = { socket, timer, count };
  },
  async floodStop(): Promise<FloodCount> {
    if (!flooder) throw new Error('no flood running');
    const { socket, timer, count } = flooder;
    clearInterval(timer);
    // The answers to the last frames.
    await new Promise((resolve) => setTimeout(resolve, 300));
    count.stillOpen = socket.open;
    socket.close();
    flooder = null;
    return count;
  },
};
