// Load-process side of the idle-connections scenario: opens many sockets and just holds them
// (the ws client answers the server's heartbeat pings by itself).

import { connectVisitor, type Endpoint, inBatches } from './livechat-client.ts';
import type { SystemName } from './participants.ts';
import { connectR1, connectR2 } from './relay-clients.ts';

const held: Array<{ close(): void }> = [];

export const idleHandlers = {
  async idleConnect({ system, server, visitors }: { system: SystemName; server: Endpoint; visitors: string[] }) {
    const sockets = await inBatches(visitors, 100, async (visitor) => {
      if (system === 'livechat') return (await connectVisitor(server, visitor)).socket;
      return system === 'r1'
        ? connectR1(server.url, { role: 'visitor', room: visitor })
        : connectR2(server.url, { role: 'visitor', room: visitor });
    });
    held.push(...sockets);
    return { connected: sockets.length };
  },
  idleClose() {
    for (const socket of held.splice(0)) socket.close();
  },
};
