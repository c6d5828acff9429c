// The repositories the server works with, built over one SQLite connection.

import type { Store } from '../store.ts';
import { SqliteCannedResponseRepository } from '../../canned/repository.ts';
import { SqliteOutboxRepository } from '../../mail/outbox.ts';
import { SqliteVisitorMailRepository } from '../../mail/repository.ts';
import { SqliteNotificationRepository } from '../../mentions/notifications.ts';
import { SqliteMentionRepository } from '../../mentions/repository.ts';
import { SqliteAccountLinkRepository } from '../../operators/links.ts';
import { SqliteOperatorRepository } from '../../operators/repository.ts';
import { SqliteAuditRepository } from '../../privacy/audit-repository.ts';
import { SqliteVisitorDataRepository } from '../../privacy/visitor-data.ts';
import { SqliteReportRepository } from '../../reports/repository.ts';
import { SqliteSearchIndexMerge, SqliteSearchRepository } from '../../search/repository.ts';
import { SqliteSettingsRepository } from '../../settings/repository.ts';
import { SqliteSiteRepository } from '../../sites/repository.ts';
import { SqliteVisitorRepository } from '../../visitors/repository.ts';
import { SqliteCommandResultRepository } from './command-results.ts';
import { SqliteCommandWrites } from './command-writes.ts';
import { SqliteConversationRepository } from './conversations.ts';
import { SqliteCrmRepository } from './crm.ts';
import { SqliteHelpdeskRepository } from './helpdesk.ts';
import { SqliteInboxViews } from './inbox-views.ts';
import { SqliteMessageRepository } from './messages.ts';
import { SqliteRatingRepository } from './ratings.ts';
import { SqliteReadMarks } from './read-marks.ts';
import { SqliteResponseTimes } from './response-times.ts';
import { SqliteServedFileRepository } from './served-files.ts';
import { SqliteUploadRepository } from './uploads.ts';
import type { Db } from './connection.ts';

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
