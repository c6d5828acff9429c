// A throwaway redis-server of the tests' own on a free loopback port, which they can stop and restart.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../free-port.ts';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (every key goes, nothing is saved) and starts it again on the same port. */
  restart(): Promise<void>;
  /** The first half of a restart, for a test that acts while Redis is away: `up()` is the second. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

const binary = (): string => process.env.REDIS_SERVER ?? 'redis-server';

/** Fails at once, saying what to do, rather than letting every test wait for a server that never comes. */
function mustBeInstalled(path: string): void {
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `these tests need redis-server, which was not found as "${path}": ` +
        'install it (apt-get install -y redis-server) or set REDIS_SERVER to its path',
    );
  }
}

/** Whether a server on `port` answers PING. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(path: string, port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
    if (await answers(port)) return child;
    await pause(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}:\n${output}`);
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startRedis(): Promise<RedisServer> {
  const path = binary();
  mustBeInstalled(path);
  const port = await freePort();
  let child = await launch(path, port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await ended(child);
      child = await launch(path, port);
    },
    down: () => ended(child),
    up: async () => {
      child = await launch(path, port);
    },
    stop: () => ended(child),
  };
}
