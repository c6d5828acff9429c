// The retention job: deletes, per site, conversations closed and page views older than the site keeps them.

import type { Store } from '../db/store.ts';
import { deleteUnnamedFiles } from '../files/release.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Site } from '../sites/repository.ts';

/** Conversations deleted per transaction: a large backlog never holds the database for long. */
const BATCH = 200;
const DAY_MS = 24 * 3600 * 1000;

export interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DeletedOfSite {
  siteId: string;
  conversations: number;
  messages: number;
  pageViews: number;
  redactedRecords: number;
  /** Files whose bytes went with the conversations, no other upload naming them. */
  files: number;
}

export interface RetentionDeps {
  store: Store;
  files: FileStorage;
  /** Takes deleted conversations out of lists and streams (the gateway). */
  conversationsDeleted(ids: readonly string[]): void;
  log: RetentionLog;
}

/** A site's pass: what it deleted, and what must follow once the deletions are stored. */
interface Applied {
  deleted: DeletedOfSite;
  conversationIds: string[];
  /** Hashes whose last upload went with the conversations. */
  unnamedFiles: string[];
}

const daysBefore = (at: number, days: number): string => new Date(at - days * DAY_MS).toISOString();

export class RetentionJob {
  private readonly first: NodeJS.Timeout;
  private readonly timer: NodeJS.Timeout;
  private running: Promise<DeletedOfSite[]> | null = null;

  constructor(
    private readonly deps: RetentionDeps,
    checkMs: number,
    startDelayMs: number,
  ) {
    this.first = setTimeout(() => void this.run(), startDelayMs);
    this.timer = setInterval(() => void this.run(), checkMs);
    this.first.unref();
    this.timer.unref();
  }

  /**
   * One pass over every site; a pass under way on this node is joined rather than started twice, and
   * one under way on another node makes this one do nothing (an empty list).
   */
  run(): Promise<DeletedOfSite[]> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    clearTimeout(this.first);
    clearInterval(this.timer);
  }

  /**
   * Deletes under the job's name, so that one node at a time does; what lives outside the database
   * (lists and streams, files' bytes) follows once the deletions are stored, as `deleteUnnamedFiles`
   * requires: bytes gone with their records still there would be a broken attachment.
   */
  private async pass(): Promise<DeletedOfSite[]> {
    const done: DeletedOfSite[] = [];
    try {
      const applied: Applied[] = [];
      await this.deps.store.jobs.once('retention', async () => {
        for (const site of await this.deps.store.sites.list()) applied.push(await this.applyTo(site, Date.now()));
      });
      for (const { deleted, conversationIds, unnamedFiles } of applied) {
        if (deleted.conversations + deleted.pageViews === 0) continue;
        this.deps.conversationsDeleted(conversationIds);
        deleted.files = await deleteUnnamedFiles(this.deps, unnamedFiles);
        done.push(deleted);
        this.deps.log.info(deleted, 'retention: deleted what the site keeps no longer');
      }
    } catch (err) {
      this.deps.log.error({ err }, 'the retention job failed; it tries again at its next run');
    }
    return done;
  }

  private async applyTo(site: Site, at: number): Promise<Applied> {
    const { conversationsDays, pageViewsDays } = site.retention;
    const deleted: DeletedOfSite = {
      siteId: site.id,
      conversations: 0,
      messages: 0,
      pageViews: 0,
      redactedRecords: 0,
      files: 0,
    };
    const applied: Applied = { deleted, conversationIds: [], unnamedFiles: [] };
    if (conversationsDays !== null) {
      const closedBefore = daysBefore(at, conversationsDays);
      for (;;) {
        const batch = await this.deps.store.visitorData.deleteClosedConversations(site.id, closedBefore, BATCH);
        applied.conversationIds.push(...batch.conversations.map((conversation) => conversation.id));
        applied.unnamedFiles.push(...batch.unnamedFiles);
        deleted.conversations += batch.conversations.length;
        deleted.messages += batch.messages;
        deleted.redactedRecords += batch.redactedRecords;
        if (batch.conversations.length < BATCH) break;
      }
    }
    if (pageViewsDays !== null) {
      deleted.pageViews = await this.deps.store.visitorData.deletePageViews(site.id, daysBefore(at, pageViewsDays));
    }
    return applied;
  }
}
