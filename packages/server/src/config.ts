// Every server setting in one place, typed, with defaults, read from the environment.

import { DEFAULT_MAX_FRAME_BYTES } from '@livechat/protocol';
import { parseRate, type Rate } from './limits/rates.ts';
import { PUBLIC_DIR } from './paths.ts';

/** SQLite's `synchronous` pragma: FULL keeps an acknowledged message through a machine crash. */
export type Synchronous = 'FULL' | 'NORMAL';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Public origin of this server (e.g. https://chat.example.com); derived from the request when unset. */
  publicUrl: string | null;
  /** Seeds the demo site and operators and serves the demo website at `/`. */
  demo: boolean;
  synchronous: Synchronous;
  /** Largest accepted WebSocket frame; larger ones get a `frame_too_large` error. */
  maxFrameBytes: number;
  /** A socket that does not read is closed once this much is waiting in its send buffer. */
  maxBufferedBytes: number;
  /** Marks the session cookie Secure: always when publicUrl is https, else SECURE_COOKIES=1. */
  secureCookies: boolean;
  /** A login session unused for this long is refused (401) and its sockets closed; 12 by default. */
  sessionIdleHours: number;
  /** How often the server closes the sockets of idle and expired sessions. */
  sessionCheckMs: number;
  /** How often the retention job deletes what sites keep no longer (daily); it also runs once soon after start. */
  retentionCheckMs: number;
  /** How long after start the retention job first runs. */
  retentionStartDelayMs: number;
  /** How long a visitor's signed file link works, in minutes (FILE_URL_MINUTES, 15); re-reading gives new ones. */
  fileUrlMinutes: number;
  smtpUrl: string | null;
  /** Sender of notification emails. */
  mailFrom: string;
  /**
   * The domain of reply addresses (`reply+TOKEN@MAIL_DOMAIN`) whose mail reaches the inbound receiver;
   * the public URL's host by default.
   */
  mailDomain: string;
  /** Port of the inbound SMTP receiver for visitors' email replies; null (unset) leaves it off. */
  inboundSmtpPort: number | null;
  /** Address the inbound receiver listens on (HOST by default). */
  inboundSmtpHost: string;
  /** Largest accepted inbound mail, whole message with attachments. */
  inboundMaxBytes: number;
  /** An operator reply the visitor has not seen for this long goes to them by email (2 minutes). */
  replyEmailDelayMs: number;
  /** How often the outbox sends what is due and looks for replies to email. */
  mailCheckMs: number;
  /**
   * The waits between an email's attempts (1 min, 5 min, 30 min, 2 h, 6 h by default); after the last
   * one fails the email is `failed`. MAIL_RETRY_WAITS_MS takes them comma-separated.
   */
  mailRetryWaitsMs: number[];
  logLevel: string;
  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For), as Fastify's trustProxy
   * takes it: `loopback`, an address or a list. Unset, the address is the connection's own.
   */
  trustProxy: string | null;
  /** How often the server looks for queued conversations that waited too long. */
  queueAlertCheckMs: number;
  /**
   * How long the server must write nothing before it merges the search index's segments, and how
   * often it looks (search/quiet-merge.ts).
   */
  searchMergeQuietMs: number;
  /** The shortest wait a site may set before its queue alerts (30 s; tests go lower). */
  queueAlertMinSeconds: number;
  /** Folder of the built browser files (`widget/`, `operator/`); tests point it at their own. */
  publicDir: string;
  /**
   * Redis shared by the nodes of one deployment (REDIS_URL, `redis://host:6379`), which carries the
   * bus, presence and the limit counters between them; null (unset) keeps them in this process.
   */
  redisUrl: string | null;
  /**
   * PostgreSQL (DATABASE_URL, `postgres://user:password@host:5432/livechat`), which the nodes of one
   * deployment share for every conversation and file; null (unset) keeps SQLite in `dataDir`.
   */
  databaseUrl: string | null;
  limits: LimitsConfig;
}

/** What one client may do before it is told to wait (README, "Limits"). */
export interface LimitsConfig {
  /** New visitor tokens (`POST /api/sites/:id/visitors`, conversation links) per address. */
  visitorsPerIp: Rate;
  /** New conversations per address. */
  conversationsPerIp: Rate;
  /** Visitor messages per token. */
  messagesPerToken: Rate;
  pageViewsPerToken: Rate;
  attributesPerToken: Rate;
  identifyPerToken: Rate;
  /** Contact details, contact email and ratings per token. */
  contactPerToken: Rate;
  /** File uploads per visitor token. */
  uploadsPerToken: Rate;
  socketsPerToken: number;
  /** Visitor sockets per address. */
  socketsPerIp: number;
  socketsPerSession: number;
  /** Failed logins (per address, per account) answered at once; after them each waits twice as long. */
  loginFreeFailures: number;
  loginMaxDelayMs: number;
  /** Password hashes (scrypt) computed at once; more wait up to `passwordHashWaitMs`, then get 429. */
  passwordHashes: number;
  passwordHashWaitMs: number;
  /** Typing changes and live page views reach operators at most once per this, per conversation. */
  coalesceMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function rate(env: Env, name: string, fallback: string): Rate {
  return parseRate(env[name] || fallback, name);
}

export function loadLimits(env: Env = {}): LimitsConfig {
  return {
    visitorsPerIp: rate(env, 'LIMIT_VISITORS_PER_IP', '30/1m,300/1h'),
    conversationsPerIp: rate(env, 'LIMIT_CONVERSATIONS_PER_IP', '10/1m,100/1h'),
    messagesPerToken: rate(env, 'LIMIT_MESSAGES_PER_TOKEN', '20/10s,60/1m'),
    pageViewsPerToken: rate(env, 'LIMIT_PAGE_VIEWS_PER_TOKEN', '30/1m,600/1h'),
    attributesPerToken: rate(env, 'LIMIT_ATTRIBUTES_PER_TOKEN', '30/1m'),
    identifyPerToken: rate(env, 'LIMIT_IDENTIFY_PER_TOKEN', '10/1m'),
    contactPerToken: rate(env, 'LIMIT_CONTACT_PER_TOKEN', '10/1m'),
    uploadsPerToken: rate(env, 'LIMIT_UPLOADS_PER_TOKEN', '30/1h'),
    socketsPerToken: integer(env, 'LIMIT_SOCKETS_PER_TOKEN', 5),
    socketsPerIp: integer(env, 'LIMIT_SOCKETS_PER_IP', 30),
    socketsPerSession: integer(env, 'LIMIT_SOCKETS_PER_SESSION', 10),
    loginFreeFailures: integer(env, 'LOGIN_FREE_FAILURES', 5),
    loginMaxDelayMs: integer(env, 'LOGIN_MAX_DELAY_MS', 60_000),
    passwordHashes: Math.max(1, integer(env, 'PASSWORD_HASHES_AT_ONCE', 2)),
    passwordHashWaitMs: integer(env, 'PASSWORD_HASH_WAIT_MS', 1000),
    coalesceMs: integer(env, 'COALESCE_MS', 1000),
  };
}

function waits(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((part) => integer({ [name]: part.trim() }, name, 0));
}

/** A PostgreSQL URL, or null when unset; anything else is refused at start rather than at the first query. */
function databaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new Error('DATABASE_URL must be a URL such as postgres://user:password@host:5432/livechat');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// (SQLite needs no URL: leave it unset), got ${protocol}`);
  }
  return value;
}

export function loadConfig(env: Env = process.env, argv: readonly string[] = process.argv.slice(2)): Config {
  const publicUrl = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null;
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${synchronous}"`);
  }
  return {
    port: integer(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    publicUrl,
    demo: argv.includes('--demo') || env.DEMO === '1',
    synchronous,
    maxFrameBytes: integer(env, 'MAX_FRAME_BYTES', DEFAULT_MAX_FRAME_BYTES),
    maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 1024 * 1024),
    // A session token must never travel in clear where the public URL promises https.
    secureCookies: publicUrl?.startsWith('https:') === true || env.SECURE_COOKIES === '1',
    sessionIdleHours: positive(env, 'SESSION_IDLE_HOURS', 12),
    sessionCheckMs: integer(env, 'SESSION_CHECK_MS', 60_000),
    retentionCheckMs: integer(env, 'RETENTION_CHECK_MS', 24 * 3600 * 1000),
    retentionStartDelayMs: integer(env, 'RETENTION_START_DELAY_MS', 60_000),
    fileUrlMinutes: positive(env, 'FILE_URL_MINUTES', 15),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || `Live chat <livechat@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`,
    mailDomain: env.MAIL_DOMAIN || (publicUrl ? new URL(publicUrl).hostname : 'localhost'),
    inboundSmtpPort: env.INBOUND_SMTP_PORT ? integer(env, 'INBOUND_SMTP_PORT', 0) : null,
    inboundSmtpHost: env.INBOUND_SMTP_HOST ?? env.HOST ?? '0.0.0.0',
    inboundMaxBytes: integer(env, 'INBOUND_MAX_BYTES', 10 * 1024 * 1024),
    replyEmailDelayMs: integer(env, 'REPLY_EMAIL_DELAY_MS', 120_000),
    mailCheckMs: integer(env, 'MAIL_CHECK_MS', 5000),
    mailRetryWaitsMs: waits(env, 'MAIL_RETRY_WAITS_MS', [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY || null,
    queueAlertCheckMs: integer(env, 'QUEUE_ALERT_CHECK_MS', 5000),
    queueAlertMinSeconds: 30,
    searchMergeQuietMs: integer(env, 'SEARCH_MERGE_QUIET_MS', 250),
    publicDir: PUBLIC_DIR,
    redisUrl: env.REDIS_URL || null,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    limits: loadLimits(env),
  };
}

/**
 * Limits that a test or a bench does not reach: their clients all share the loopback address and
 * send faster than people do. Tests of the limits set their own.
 */
export function roomyLimits(): LimitsConfig {
  const roomy = parseRate('1000000/1s');
  return {
    ...loadLimits({}),
    visitorsPerIp: roomy,
    conversationsPerIp: roomy,
    messagesPerToken: roomy,
    pageViewsPerToken: roomy,
    attributesPerToken: roomy,
    identifyPerToken: roomy,
    contactPerToken: roomy,
    uploadsPerToken: roomy,
    socketsPerToken: 1_000_000,
    socketsPerIp: 1_000_000,
    socketsPerSession: 1_000_000,
    loginFreeFailures: 1_000_000,
    passwordHashWaitMs: 60_000,
  };
}

/** Settings for tests and embedding: defaults with overrides, no environment read. */
export function testConfig(overrides: Partial<Config> & Pick<Config, 'dataDir'>): Config {
  return {
    ...loadConfig({}, []),
    host: '127.0.0.1',
    inboundSmtpHost: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    limits: roomyLimits(),
    ...overrides,
  };
}
