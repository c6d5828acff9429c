// A TCP load balancer for tests of many nodes: each new connection goes to the next live backend in
// turn, with no stickiness, so HTTP requests and WebSocket upgrades alike land on any node.

import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Balancer {
  /** `http://127.0.0.1:PORT`, the one address clients know. */
  url: string;
  /** The same address, as the origin operators' pages would be served from. */
  origin: string;
  /** Connections handed to each backend port so far, to show that both nodes served. */
  handed: Map<number, number>;
  close(): Promise<void>;
}

/** Connects to the first backend from `start` on that accepts, or fails once every one refused. */
function firstLive(ports: readonly number[], start: number): Promise<{ upstream: Socket; port: number }> {
  return new Promise((resolve, reject) => {
    const attempt = (tried: number) => {
      if (tried === ports.length) return reject(new Error('every backend refused'));
      const port = ports[(start + tried) % ports.length] as number;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        resolve({ upstream, port });
      });
      // A killed node refuses at once: the client never sees it, the next node takes the connection.
      upstream.once('error', () => attempt(tried + 1));
    };
    attempt(0);
  });
}

/** Joins the two sockets; either side ending or failing ends the other, as a real proxy would. */
function pipeBoth(client: Socket, upstream: Socket): void {
  client.pipe(upstream);
  upstream.pipe(client);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end);
  upstream.on('error', end);
  client.on('close', end);
  upstream.on('close', end);
}

export async function startBalancer(ports: readonly number[]): Promise<Balancer> {
  let next = 0;
  const handed = new Map<number, number>();
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    // Bytes the client sends before the backend answers wait in the paused socket.
    client.pause();
    client.on('error', () => client.destroy());
    const start = next;
    next = (next + 1) % ports.length;
    firstLive(ports, start).then(
      ({ upstream, port }) => {
        handed.set(port, (handed.get(port) ?? 0) + 1);
        pipeBoth(client, upstream);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the balancer has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    origin: `http://127.0.0.1:${address.port}`,
    handed,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
