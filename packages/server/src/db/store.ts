// The repositories the server works with, built over one SQLite connection.

import { SqliteCommandResultRepository, type CommandResultRepository } from '../commands/repository.ts';
import { SqliteCannedResponseRepository, type CannedResponseRepository } from '../canned/repository.ts';
import { SqliteConversationRepository, type ConversationRepository } from '../conversations/repository.ts';
import { SqliteMessageRepository, type MessageRepository } from '../conversations/messages.ts';
import { type RatingRepository, SqliteRatingRepository } from '../conversations/ratings.ts';
import { type ReadMarks, SqliteReadMarks } from '../conversations/read-marks.ts';
import { type ResponseTimes, SqliteResponseTimes } from '../conversations/response-times.ts';
import { type InboxViews, SqliteInboxViews } from '../conversations/views.ts';
import { type ReportRepository, SqliteReportRepository } from '../reports/repository.ts';
import { SqliteCrmRepository, type CrmRepository } from '../crm/repository.ts';
import { SqliteUploadRepository, type UploadRepository } from '../files/repository.ts';
import { type ServedFileRepository, SqliteServedFileRepository } from '../files/served-files.ts';
import { SqliteHelpdeskRepository, type HelpdeskRepository } from '../helpdesk/repository.ts';
import { SqliteMentionRepository, type MentionRepository } from '../mentions/repository.ts';
import { SqliteNotificationRepository, type NotificationRepository } from '../mentions/notifications.ts';
import { SqliteOutboxRepository, type OutboxRepository } from '../mail/outbox.ts';
import { SqliteVisitorMailRepository, type VisitorMailRepository } from '../mail/repository.ts';
import { type AccountLinkRepository, SqliteAccountLinkRepository } from '../operators/links.ts';
import { SqliteOperatorRepository, type OperatorRepository } from '../operators/repository.ts';
import {
  type SearchIndexMerge,
  type SearchRepository,
  SqliteSearchIndexMerge,
  SqliteSearchRepository,
} from '../search/repository.ts';
import { type AuditRepository, SqliteAuditRepository } from '../privacy/audit-repository.ts';
import { SqliteVisitorDataRepository, type VisitorDataRepository } from '../privacy/visitor-data.ts';
import { SqliteSettingsRepository, type SettingsRepository } from '../settings/repository.ts';
import { SqliteSiteRepository, type SiteRepository } from '../sites/repository.ts';
import { SqliteVisitorRepository, type VisitorRepository } from '../visitors/repository.ts';
import type { Db } from './sqlite/connection.ts';
import { type CommandWrites, SqliteCommandWrites } from './unit-of-work.ts';

export interface Store {
  sites: SiteRepository;
  operators: OperatorRepository;
  /** Setup, invite and password reset links. */
  accountLinks: AccountLinkRepository;
  visitors: VisitorRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  /** Visitors' ratings of closed conversations. */
  ratings: RatingRepository;
  /** Measured waits for a first reply. */
  responseTimes: ResponseTimes;
  /** The inbox's views and their counts. */
  views: InboxViews;
  /** The facts Settings → Reports is made of. */
  reports: ReportRepository;
  canned: CannedResponseRepository;
  mentions: MentionRepository;
  notifications: NotificationRepository;
  outbox: OutboxRepository;
  /** What visitors' emails are made of: unseen replies, transcripts. */
  visitorMail: VisitorMailRepository;
  /** How far the visitor and the operators have read each conversation. */
  readMarks: ReadMarks;
  settings: SettingsRepository;
  helpdesk: HelpdeskRepository;
  crm: CrmRepository;
  commandResults: CommandResultRepository;
  /** The conversation search index. */
  search: SearchRepository;
  /** The search index's upkeep: merging its segments in quiet moments. */
  searchIndex: SearchIndexMerge;
  /** A command's new ticket or lead and its result, in one transaction. */
  commandWrites: CommandWrites;
  /** What admins did. */
  audit: AuditRepository;
  /** Erasing a visitor, and deleting what a site's retention keeps no longer. */
  visitorData: VisitorDataRepository;
  /** Files uploaded to attach to messages. */
  uploads: UploadRepository;
  /** Which attached file a visitor's link or an operator may fetch. */
  servedFiles: ServedFileRepository;
}

export function sqliteStore(db: Db): Store {
  const helpdesk = new SqliteHelpdeskRepository(db);
  const crm = new SqliteCrmRepository(db);
  const commandResults = new SqliteCommandResultRepository(db);
  const operators = new SqliteOperatorRepository(db);
  const uploads = new SqliteUploadRepository(db);
  return {
    sites: new SqliteSiteRepository(db),
    operators,
    accountLinks: new SqliteAccountLinkRepository(db, operators),
    visitors: new SqliteVisitorRepository(db),
    conversations: new SqliteConversationRepository(db),
    messages: new SqliteMessageRepository(db),
    ratings: new SqliteRatingRepository(db),
    responseTimes: new SqliteResponseTimes(db),
    views: new SqliteInboxViews(db),
    reports: new SqliteReportRepository(db),
    canned: new SqliteCannedResponseRepository(db),
    mentions: new SqliteMentionRepository(db),
    notifications: new SqliteNotificationRepository(db),
    outbox: new SqliteOutboxRepository(db),
    visitorMail: new SqliteVisitorMailRepository(db),
    readMarks: new SqliteReadMarks(db),
    settings: new SqliteSettingsRepository(db),
    helpdesk,
    crm,
    commandResults,
    search: new SqliteSearchRepository(db),
    searchIndex: new SqliteSearchIndexMerge(db),
    commandWrites: new SqliteCommandWrites(db, { helpdesk, crm, commandResults }),
    audit: new SqliteAuditRepository(db),
    visitorData: new SqliteVisitorDataRepository(db, uploads),
    uploads,
    servedFiles: new SqliteServedFileRepository(db),
  };
}
