// The repositories the server works with, one interface each; db/sqlite/store.ts builds them over SQLite.

import type { CannedResponseRepository } from '../canned/repository.ts';
import type { CommandResultRepository, CommandWrites } from '../commands/repository.ts';
import type { MessageRepository } from '../conversations/messages.ts';
import type { RatingRepository } from '../conversations/ratings.ts';
import type { ReadMarks } from '../conversations/read-marks.ts';
import type { ConversationRepository } from '../conversations/repository.ts';
import type { ResponseTimes } from '../conversations/response-times.ts';
import type { InboxViews } from '../conversations/views.ts';
import type { CrmRepository } from '../crm/repository.ts';
import type { UploadRepository } from '../files/repository.ts';
import type { ServedFileRepository } from '../files/served-files.ts';
import type { HelpdeskRepository } from '../helpdesk/repository.ts';
import type { JobRepository } from '../jobs/repository.ts';
import type { OutboxRepository } from '../mail/outbox.ts';
import type { VisitorMailRepository } from '../mail/repository.ts';
import type { NotificationRepository } from '../mentions/notifications.ts';
import type { MentionRepository } from '../mentions/repository.ts';
import type { AccountLinkRepository } from '../operators/links.ts';
import type { OperatorRepository } from '../operators/repository.ts';
import type { AuditRepository } from '../privacy/audit-repository.ts';
import type { VisitorDataRepository } from '../privacy/visitor-data.ts';
import type { ReportRepository } from '../reports/repository.ts';
import type { SearchIndexMerge, SearchRepository } from '../search/repository.ts';
import type { SettingsRepository } from '../settings/repository.ts';
import type { SiteRepository } from '../sites/repository.ts';
import type { VisitorRepository } from '../visitors/repository.ts';

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
  /** Background work that runs once across nodes: hand-outs, closes, periodic passes. */
  jobs: JobRepository;
}
