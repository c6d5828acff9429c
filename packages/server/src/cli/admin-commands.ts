// The admin command line's commands, as functions of argv and streams that return an exit code.

import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH } from '@livechat/protocol';
import type { z } from '@livechat/protocol/validate';
import { type Config, loadConfig } from '../config.ts';
import { openPostgresStore } from '../db/postgres/index.ts';
import { openSqliteStore } from '../db/sqlite/index.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { newPasswordLink } from '../operators/accounts.ts';
import { hashPassword } from '../operators/passwords.ts';
import { emailSchema, nameSchema, newPasswordSchema } from '../operators/schemas.ts';
import { InputAborted, type PasswordSource, readPassword } from './password-input.ts';

export interface AdminIo {
  stdin: PasswordSource;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

/** Exit codes: done, failed (nothing was changed), or the command line itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface Context {
  io: AdminIo;
  config: Config;
  store: Store;
  options: { name?: string; email?: string };
}

interface AdminCommand {
  usage: string;
  help: string;
  options: readonly ('name' | 'email')[];
  /** None for help, which needs no database. */
  run?: (context: Context) => Promise<void>;
}

/** A failure to report on stderr; nothing was changed. */
class CommandFailed extends Error {}

const COMMANDS: Record<string, AdminCommand> = {
  help: {
    usage: 'help',
    help: 'lists these commands',
    options: [],
  },
  'create-admin': {
    usage: 'create-admin --name NAME --email EMAIL',
    help: `creates an admin; the password (at least ${MIN_PASSWORD_LENGTH} characters) is read from stdin`,
    options: ['name', 'email'],
    run: createAdmin,
  },
  'reset-password': {
    usage: 'reset-password --email EMAIL',
    help: 'prints a one-time link to choose a new password (an invite link for someone invited)',
    options: ['email'],
    run: resetPassword,
  },
  'list-operators': {
    usage: 'list-operators',
    help: 'lists every operator: name, email, role, status, last seen',
    options: [],
    run: listOperators,
  },
};

function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.usage.length));
  const lines = Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(width)}  ${command.help}`);
  return [
    'Live chat administration, on the server itself (reads DATA_DIR and the other settings like the server).',
    '',
    'Commands:',
    ...lines,
    '',
    'A password is never taken from the command line: type it when asked, or pipe it on stdin.',
    '',
  ].join('\n');
}

const PASSWORD_FLAG = /^(--password|--pass|--pw|-p)(=.*)?$/;

/** Runs one command; the database is opened only for commands that need it, and closed after. */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`error: unknown command "${name}"\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  if (rest.some((arg) => PASSWORD_FLAG.test(arg))) {
    io.stderr.write(
      'error: a password is never taken from the command line, where the shell history and the process list would keep it; type it when asked, or pipe it on stdin\n',
    );
    return EXIT_USAGE;
  }
  let options: Context['options'];
  try {
    options = parseOptions(command, rest);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\nusage: ${command.usage}\n`);
    return EXIT_USAGE;
  }
  if (!command.run) {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  let config: Config;
  try {
    config = loadConfig(io.env, []);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  const opened = await openStore(config);
  try {
    await command.run({ io, config, store: opened.store, options });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommandFailed || error instanceof AppError || error instanceof InputAborted) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  } finally {
    await opened.close();
  }
}

/** The server's own store: PostgreSQL when DATABASE_URL names one, else SQLite in the data folder. */
async function openStore(config: Config): Promise<{ store: Store; close(): unknown }> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config);
}

function parseOptions(command: AdminCommand, args: string[]): Context['options'] {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(command.options.map((option) => [option, { type: 'string' as const }])),
    strict: true,
    allowPositionals: false,
  });
  for (const option of command.options) {
    if (typeof values[option] !== 'string') throw new Error(`--${option} is required`);
  }
  return values as Context['options'];
}

/** A value checked with the same rule as the HTTP API, or a failure naming what is wrong. */
function checked<T>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandFailed(`${what}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
  return parsed.data;
}

async function createAdmin({ io, store, config, options }: Context): Promise<void> {
  const name = checked('--name', nameSchema, options.name);
  const email = checked('--email', emailSchema, options.email);
  if (await store.operators.memberByEmail(email)) throw new CommandFailed(`${email} belongs to an operator already`);
  const password = checked('password', newPasswordSchema, await readPassword(io.stdin, io.stderr));
  const passwordHash = await hashPassword(password);
  // Checked again: another command may have taken the email while the password was typed.
  if (await store.operators.memberByEmail(email)) throw new CommandFailed(`${email} belongs to an operator already`);
  await store.operators.create({ name, email, passwordHash, role: 'admin', notify: 'inbox' });
  io.stdout.write(`created the admin ${name} <${email}>; log in at ${baseUrl(config)}/operator/\n`);
}

async function resetPassword({ io, store, config, options }: Context): Promise<void> {
  const email = checked('--email', emailSchema, options.email);
  const member = await store.operators.memberByEmail(email);
  if (!member) throw new CommandFailed(`no operator has the email ${email}`);
  const made = await newPasswordLink(store, member, baseUrl(config));
  io.stdout.write(`${made.link}\n`);
  io.stderr.write(
    `a one-time ${made.kind === 'invite' ? 'invite' : 'password'} link for ${member.name}, valid until ${made.expiresAt}; it replaces any earlier one\n`,
  );
}

async function listOperators({ io, store }: Context): Promise<void> {
  const rows = (await store.operators.team()).map((member) => [
    member.name,
    member.email,
    member.role,
    member.status,
    member.lastSeenAt ?? 'never',
  ]);
  const table = [['NAME', 'EMAIL', 'ROLE', 'STATUS', 'LAST SEEN'], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of table) {
    io.stdout.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}

const baseUrl = (config: Config): string => config.publicUrl ?? `http://localhost:${config.port}`;
