// The admin command line: its commands as functions over streams, and once as a real process.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { LoginResult } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runAdmin } from '../src/cli/admin-commands.ts';
import { api, tokenOf } from './accounts-harness.ts';
import { dropTestDatabase, newTestDatabase } from './backend/database.ts';
import { discard, startServer, type TestServer } from './harness.ts';

let dataDir: string;
let server: TestServer | null = null;
/** The commands and the server share one store: on PostgreSQL a database made before either starts. */
let databaseUrl: string | null;
/** Where the commands find the store, as the server's own environment says it. */
let storeEnv: Record<string, string>;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'livechat-cli-'));
  databaseUrl = await newTestDatabase();
  storeEnv = databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
});
afterEach(async () => {
  if (server) await discard(server);
  server = null;
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs one command with `input` piped on stdin; what it wrote, and its exit code. */
async function admin(args: string[], input = '', env: Record<string, string> = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  stdin.end(input);
  const code = await runAdmin(args, { stdin, stdout, stderr, env: { ...storeEnv, ...env } });
  return { code, out, err };
}

const login = (email: string, password: string) =>
  api<LoginResult>(server as TestServer, '', 'POST', '/api/operator/login', { email, password });

describe('the admin command line', () => {
  it('help lists the commands and says how passwords are given', async () => {
    const help = await admin(['help']);
    expect(help.code).toBe(EXIT_OK);
    for (const command of ['create-admin', 'reset-password', 'list-operators']) expect(help.out).toContain(command);
    expect(help.out).toMatch(/never taken from the command line/);
    expect((await admin([])).out).toBe(help.out);
    const unknown = await admin(['make-coffee']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.err).toMatch(/unknown command "make-coffee"/);
  });

  it('creates an admin with a password from stdin, who then logs in to the server', async () => {
    const created = await admin(
      ['create-admin', '--name', 'Root', '--email', 'root@example.com'],
      'root-password-1\nrest',
    );
    expect(created).toMatchObject({ code: EXIT_OK, err: '' });
    expect(created.out).toMatch(
      /created the admin Root <root@example.com>; log in at http:\/\/localhost:3000\/operator\//,
    );
    const listed = await admin(['list-operators']);
    expect(listed.out.split('\n')[0]).toMatch(/^NAME\s+EMAIL\s+ROLE\s+STATUS\s+LAST SEEN$/);
    expect(listed.out).toMatch(/Root\s+root@example.com\s+admin\s+active\s+never/);

    server = await startServer({ databaseUrl }, dataDir);
    expect((await login('root@example.com', 'root-password-1')).status).toBe(200);
    // With an admin, the first-run setup is over.
    expect((await api(server, '', 'GET', '/api/setup')).body).toEqual({ needed: false });
  });

  it('refuses a password on the command line, a weak one, a taken or malformed email, and missing options', async () => {
    const cases: Array<[string[], string, number, RegExp]> = [
      [
        ['create-admin', '--name', 'R', '--email', 'r@example.com', '--password', 'root-password-1'],
        '',
        EXIT_USAGE,
        /never taken from the command line/,
      ],
      [
        ['create-admin', '--name', 'R', '--email', 'r@example.com', '--password=root-password-1'],
        '',
        EXIT_USAGE,
        /never taken/,
      ],
      [['create-admin', '--name', 'R', '--email', 'r@example.com'], 'short\n', EXIT_FAILED, /at least 10 characters/],
      [['create-admin', '--name', 'R', '--email', 'r@example.com'], '', EXIT_FAILED, /at least 10 characters/],
      [
        ['create-admin', '--name', 'R', '--email', 'not an email'],
        'root-password-1\n',
        EXIT_FAILED,
        /--email: not a valid email/,
      ],
      [
        ['create-admin', '--name', ' ', '--email', 'r@example.com'],
        'root-password-1\n',
        EXIT_FAILED,
        /--name: must not be empty/,
      ],
      [['create-admin', '--name', 'R'], 'root-password-1\n', EXIT_USAGE, /--email is required/],
      [['create-admin', '--name', 'R', '--email', 'r@example.com', 'extra'], '', EXIT_USAGE, /usage: create-admin/],
      [
        ['reset-password', '--email', 'nobody@example.com'],
        '',
        EXIT_FAILED,
        /no operator has the email nobody@example.com/,
      ],
    ];
    for (const [args, input, code, message] of cases) {
      const result = await admin(args, input);
      expect({ args, code: result.code, out: result.out }).toEqual({ args, code, out: '' });
      expect(result.err).toMatch(message);
    }
    expect((await admin(['list-operators'])).out.trim().split('\n')).toHaveLength(1);
    await admin(['create-admin', '--name', 'R', '--email', 'r@example.com'], 'root-password-1\n');
    const taken = await admin(['create-admin', '--name', 'R2', '--email', 'R@EXAMPLE.com'], 'root-password-2\n');
    expect(taken.code).toBe(EXIT_FAILED);
    expect(taken.err).toMatch(/belongs to an operator already/);
  });

  it('reset-password prints a one-time link that sets a new password on the server', async () => {
    await admin(['create-admin', '--name', 'Root', '--email', 'root@example.com'], 'root-password-1\n');
    const reset = await admin(['reset-password', '--email', 'root@example.com'], '', {
      PUBLIC_URL: 'https://chat.example.com',
    });
    expect(reset.code).toBe(EXIT_OK);
    const link = reset.out.trim();
    expect(link).toMatch(/^https:\/\/chat\.example\.com\/operator\/accept#[\w-]{43}$/);
    expect(reset.err).toMatch(/one-time password link for Root, valid until/);

    server = await startServer({ databaseUrl }, dataDir);
    const accepted = await api(server, '', 'POST', '/api/accept', {
      token: tokenOf(link),
      password: 'root-password-2',
    });
    expect(accepted.status).toBe(200);
    expect((await login('root@example.com', 'root-password-1')).status).toBe(401);
    expect((await login('root@example.com', 'root-password-2')).status).toBe(200);
    const again = await api(server, '', 'POST', '/api/accept', { token: tokenOf(link), password: 'root-password-3' });
    expect(again.status).toBe(410);
  });

  it('runs as a real process with the password piped on stdin', async () => {
    const serverDir = fileURLToPath(new URL('..', import.meta.url));
    const run = (args: string[], input: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
        const child = spawn('npx', ['tsx', 'src/cli/admin.ts', ...args], {
          cwd: serverDir,
          env: { ...process.env, ...storeEnv },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          err += chunk.toString();
        });
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, out, err }));
        child.stdin.end(input);
      });
    const created = await run(['create-admin', '--name', 'Root', '--email', 'root@example.com'], 'root-password-1\n');
    expect({ code: created.code, err: created.err }).toEqual({ code: 0, err: '' });
    expect(created.out).toMatch(/created the admin Root/);
    const refused = await run(['create-admin', '--name', 'X', '--email', 'x@example.com', '--password', 'pw'], '');
    expect(refused.code).toBe(EXIT_USAGE);
    const listed = await run(['list-operators'], '');
    expect(listed.out).toMatch(/Root\s+root@example.com\s+admin\s+active/);
    server = await startServer({ databaseUrl }, dataDir);
    expect((await login('root@example.com', 'root-password-1')).status).toBe(200);
  }, 60_000);
});
