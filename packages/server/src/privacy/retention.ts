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

  /** One pass over every site; a pass under way is joined rather than started twice. */
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

  private async pass(): Promise<DeletedOfSite[]> {
    const done: DeletedOfSite[] = [];
    try {
      for (const site of await this.deps.store.sites.list()) {
        const deleted = await this.applyTo(site, Date.now());
        if (deleted.conversations + deleted.pageViews === 0) continue;
        done.push(deleted);
        this.deps.log.info(deleted, 'retention: deleted what the site keeps no longer');
      }
    } catch (err) {
      this.deps.log.error({ err }, 'the retention job failed; it tries again at its next run');
    }
    return done;
  }

  private async applyTo(site: Site, at: number): Promise<DeletedOfSite> {
    const { conversationsDays, pageViewsDays } = site.retention;
    const deleted: DeletedOfSite = {
      siteId: site.id,
      conversations: 0,
      messages: 0,
      pageViews: 0,
      redactedRecords: 0,
      files: 0,
    };
    if (conversationsDays !== null) {
      const closedBefore = daysBefore(at, conversationsDays);
      for (;;) {
        const batch = await this.deps.store.visitorData.deleteClosedConversations(site.id, closedBefore, BATCH);
        this.deps.conversationsDeleted(batch.conversations.map((conversation) => conversation.id));
        deleted.files += await deleteUnnamedFiles(this.deps, batch.unnamedFiles);
        deleted.conversations += batch.conversations.length;
        deleted.messages += batch.messages;
        deleted.redactedRecords += batch.redactedRecords;
        if (batch.conversations.length < BATCH) break;
      }
    }
    if (pageViewsDays !== null) {
      deleted.pageViews = await this.deps.store.visitorData.deletePageViews(site.id, daysBefore(at, pageViewsDays));
    }
    return deleted;
  }
}
