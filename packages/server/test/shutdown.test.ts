// Stopping the server does not wait on a client that is slow to finish its request.

import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { discard, startServer } from './harness.ts';

describe('stopping the server', () => {
  it('ends a connection whose request is still coming in, instead of waiting for it', async () => {
    const server = await startServer();
    const { port } = new URL(server.url);
    const slow = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => slow.once('connect', resolve));
    const ended = new Promise((resolve) => slow.once('end', resolve));
    slow.resume();
    // Headers and the first byte of a body that never comes: the server would wait for the rest.
    slow.write(
      'POST /api/sites/shop/visitors HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      discard(server).then(() => 'stopped'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('still waiting after 5 s'), 5000);
      }),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('stopped');
    await ended;
    slow.destroy();
  }, 15_000);
});
