// Builds the Fastify instance from its plugins; listening is left to the caller.

import fastifyCookie from '@fastify/cookie';
import { join } from 'node:path';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { CommandRegistry } from './commands/registry.ts';
import { commandRoutes } from './commands/routes.ts';
import type { Config } from './config.ts';
import { crmRoutes } from './crm/routes.ts';
import { cannedRoutes } from './canned/routes.ts';
import { conversationRoutes } from './conversations/routes.ts';
import { QueueAlerts } from './conversations/queue-alerts.ts';
import { ConversationService } from './conversations/service.ts';
import { type OpenedStore, openStore } from './db/open.ts';
import type { Db } from './db/sqlite/index.ts';
import type { Store } from './db/store.ts';
import { InProcessBus, type EventBus } from './events/bus.ts';
import { DiskFileStorage } from './files/disk-storage.ts';
import { FileLinks } from './files/links.ts';
import { fileRoutes } from './files/routes.ts';
import { fileServingRoutes } from './files/serving.ts';
import type { FileStorage } from './files/storage.ts';
import { UnattachedUploads } from './files/unattached.ts';
import { helpdeskRoutes } from './helpdesk/routes.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerHttpLimits } from './limits/http.ts';
import type { CounterStore } from './limits/counter-store.ts';
import { buildLimits, type Limits } from './limits/limits.ts';
import { MemoryCounters } from './limits/memory-counters.ts';
import { InboundReceiver } from './mail/inbound.ts';
import { DebugRequestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security.ts';
import { staticRoutes } from './http/static.ts';
import { MailQueue } from './mail/mailer.ts';
import { ReplyEmails } from './mail/reply-emails.ts';
import { mailRoutes } from './mail/routes.ts';
import { MailWorker } from './mail/worker.ts';
import { mentionRoutes } from './mentions/routes.ts';
import { IdleSessions } from './operators/idle-sessions.ts';
import { inviteRoutes } from './operators/invites.ts';
import { operatorRoutes } from './operators/routes.ts';
import { setupRoutes } from './operators/setup.ts';
import { teamRoutes } from './operators/team.ts';
import { Gateway } from './realtime/gateway.ts';
import { MemoryPresence } from './realtime/memory/presence.ts';
import type { Presence } from './realtime/presence.ts';
import { realtimeRoutes } from './realtime/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { auditRoutes } from './privacy/audit-routes.ts';
import { RetentionJob } from './privacy/retention.ts';
import { privacyVisitorRoutes } from './privacy/visitor-routes.ts';
import { openRedisParts } from './redis-parts.ts';
import { QuietMerge } from './search/quiet-merge.ts';
import { searchRoutes } from './search/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { OriginWarnings } from './sites/refusals.ts';
import { siteRoutes } from './sites/routes.ts';
import { visitorOperatorRoutes } from './visitors/operator-routes.ts';
import { visitorRoutes } from './visitors/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The default store's SQLite connection, for tests; reading it throws when the store was given. */
    db: Db;
    store: Store;
    bus: EventBus;
    presence: Presence;
    conversations: ConversationService;
    commands: CommandRegistry;
    gateway: Gateway;
    searchMerge: QuietMerge;
    mailer: MailQueue;
    mailWorker: MailWorker;
    /** Deletes what sites keep no longer; tests call its run(). */
    retention: RetentionJob;
    /** The SMTP receiver of visitors' email replies; null when INBOUND_SMTP_PORT is not set. */
    inboundMail: InboundReceiver | null;
    limits: Limits;
    /** The bytes of uploaded files, by content hash. */
    files: FileStorage;
    /** Removes uploads no message took within a day; tests call its run(). */
    unattachedUploads: UnattachedUploads;
    /** Attachments' URLs: signed for visitors, session-checked for operators. */
    fileLinks: FileLinks;
  }
}

/** How long requests under way when the server closes may take before their connections are cut. */
const HTTP_CLOSE_GRACE_MS = 2000;

/**
 * The parts that hold state a second node would share. Each one not given is built for one node:
 * the SQLite store in `config.dataDir`, the in-process bus, presence and counters in memory (in Redis
 * when `config.redisUrl` is set), files on disk. The app closes what it built and leaves what it was
 * given to the caller.
 */
export interface AppParts {
  store: Store;
  bus: EventBus;
  presence: Presence;
  counters: CounterStore;
  files: FileStorage;
}

export async function buildApp(config: Config, parts: Partial<AppParts> = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Visitor tokens travel in the socket URL's query: never write them to the log.
      serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0] }) },
    },
    bodyLimit: 64 * 1024,
    // Request lines go to debug, not to every info log.
    logController: new DebugRequestLog(),
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
  });
  const { store, db, files: storedFiles, close: closeStore } = await storeOf(config, parts.store);
  const redis = config.redisUrl ? await openRedisParts(config.redisUrl, app.log) : null;
  const bus =
    parts.bus ??
    redis?.bus ??
    new InProcessBus((err, event) => app.log.error({ err, kind: event.kind }, 'a bus subscriber failed'));
  const counters = parts.counters ?? redis?.counters ?? new MemoryCounters();
  const limits = buildLimits(config.limits, counters);
  const presence = parts.presence ?? redis?.presence ?? new MemoryPresence();
  const files = parts.files ?? storedFiles ?? new DiskFileStorage(join(config.dataDir, 'files'));
  const fileLinks = new FileLinks(await store.settings.signingKey('files'), config.fileUrlMinutes);
  const conversations = new ConversationService(store, bus, presence, (err) =>
    app.log.error({ err }, 'queue hand-out failed'),
  );
  const commands = new CommandRegistry({ store, bus, conversations });
  const gateway = new Gateway({
    config,
    store,
    bus,
    presence,
    conversations,
    commands,
    limits,
    log: app.log,
    links: fileLinks,
  });
  const searchMerge = new QuietMerge(store.searchIndex, config.searchMergeQuietMs, app.log);
  const idleSessions = new IdleSessions(store, gateway, config, app.log);
  const retention = new RetentionJob(
    { store, files, conversationsDeleted: (ids) => gateway.conversationsDeleted(ids), log: app.log },
    config.retentionCheckMs,
    config.retentionStartDelayMs,
  );
  // Hourly: an unattached upload lives a day, give or take an hour.
  const unattachedUploads = new UnattachedUploads({ store, files, log: app.log }, 3600 * 1000);
  const originWarnings = new OriginWarnings((text) => app.log.warn(text));
  const queueAlerts = new QueueAlerts({ store, bus, conversations, log: app.log }, config.queueAlertCheckMs);
  // Replies to email first, so that what they queue goes out in the same run.
  const mailWorker = new MailWorker(
    [() => replyEmails.run(), () => mailer.deliverDue()],
    config.mailCheckMs,
    app.log,
    store.jobs,
  );
  const mailer = new MailQueue({
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    retryWaitsMs: config.mailRetryWaitsMs,
    outbox: store.outbox,
    log: app.log,
    nudge: () => mailWorker.nudge(),
  });
  const replyEmails = new ReplyEmails({ store, config, mailer });
  const inboundMail =
    config.inboundSmtpPort === null ? null : new InboundReceiver({ config, store, conversations, log: app.log });

  app.decorate('config', config);
  // Tests of the default store look into its SQLite file; an app given its store holds no connection.
  app.decorate('db', {
    getter: () => {
      if (!db) throw new Error('this app was given its store and holds no SQLite connection');
      return db;
    },
  });
  app.decorate('store', store);
  app.decorate('bus', bus);
  app.decorate('presence', presence);
  app.decorate('conversations', conversations);
  app.decorate('commands', commands);
  app.decorate('gateway', gateway);
  app.decorate('originWarnings', originWarnings);
  app.decorate('searchMerge', searchMerge);
  app.decorate('mailer', mailer);
  app.decorate('mailWorker', mailWorker);
  app.decorate('retention', retention);
  app.decorate('inboundMail', inboundMail);
  app.decorate('limits', limits);
  app.decorate('files', files);
  app.decorate('unattachedUploads', unattachedUploads);
  app.decorate('fileLinks', fileLinks);
  // Started with the app, so that a port taken fails the start like the HTTP port does.
  app.addHook('onReady', async () => {
    await inboundMail?.listen();
  });
  app.addHook('onClose', async () => {
    idleSessions.stop();
    retention.stop();
    unattachedUploads.stop();
    queueAlerts.stop();
    searchMerge.stop();
    await inboundMail?.close();
    await mailWorker.stop();
    mailer.close();
    await gateway.close();
    if (!parts.counters && counters instanceof MemoryCounters) counters.stop();
    await redis?.close();
    await closeStore();
  });
  // The HTTP server's close waits for every connection. Requests under way get a moment to finish;
  // then what is still open (a client slow to send its request or to read its answer) is cut, or it
  // would hold the shutdown for as long as it likes.
  app.addHook('preClose', async () => {
    setTimeout(() => app.server.closeAllConnections(), HTTP_CLOSE_GRACE_MS).unref();
  });

  registerErrorHandling(app);
  await securityHeaders(app);
  await app.register(fastifyCookie);
  await registerHttpLimits(app, counters);
  // Frames up to the configured limit are handled; up to 4× that they get a typed error and the
  // socket lives on; beyond, the socket is closed (1009) before the frame is even buffered.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: Math.max(config.maxFrameBytes * 4, 64 * 1024) },
    // On shutdown, sockets are told the server restarts (1012) instead of a bare close; the
    // gateway's close (onClose, below) gives them a moment to answer, then drops the rest.
    preClose(done) {
      gateway.restarting();
      this.websocketServer.close();
      done();
    },
  });
  await app.register(visitorRoutes);
  await app.register(visitorOperatorRoutes);
  await app.register(siteRoutes);
  await app.register(operatorRoutes);
  await app.register(setupRoutes);
  await app.register(inviteRoutes);
  await app.register(teamRoutes);
  await app.register(conversationRoutes);
  await app.register(cannedRoutes);
  await app.register(mentionRoutes);
  await app.register(mailRoutes);
  await app.register(searchRoutes);
  await app.register(realtimeRoutes);
  await app.register(commandRoutes);
  await app.register(settingsRoutes);
  await app.register(reportRoutes);
  await app.register(helpdeskRoutes);
  await app.register(crmRoutes);
  await app.register(privacyVisitorRoutes);
  await app.register(auditRoutes);
  await app.register(fileRoutes);
  await app.register(fileServingRoutes);
  await app.register(staticRoutes);
  return app;
}

/** The store given (left to the caller to close), or the one the configuration names, which the app closes. */
async function storeOf(config: Config, given: Store | undefined): Promise<OpenedStore> {
  if (given) return { store: given, db: null, files: null, close: async () => {} };
  return openStore(config);
}
