// The contract every Store keeps, run against each implementation, each test on an empty store of its own.

import { describe } from 'vitest';
import { accountLinksContract } from './account-links.contract.ts';
import { attachmentsContract } from './attachments.contract.ts';
import { conversationListingsContract } from './conversation-listings.contract.ts';
import { auditContract } from './audit.contract.ts';
import { cannedAndMentionsContract } from './canned-mentions.contract.ts';
import { conversationsContract } from './conversations.contract.ts';
import type { OpenStore } from './fixtures.ts';
import { helpdeskContract } from './helpdesk.contract.ts';
import { inboxContract } from './inbox.contract.ts';
import { jobsContract } from './jobs.contract.ts';
import { messagesContract } from './messages.contract.ts';
import { operatorRacesContract } from './operators-races.contract.ts';
import { operatorsContract } from './operators.contract.ts';
import { outboxContract } from './outbox.contract.ts';
import { ratingsAndResponseTimesContract } from './ratings-response-times.contract.ts';
import { readMarksContract } from './read-marks.contract.ts';
import { pageViewsContract } from './page-views.contract.ts';
import { reportsContract } from './reports.contract.ts';
import { servedFilesContract } from './served-files.contract.ts';
import { sitesArchiveContract } from './sites-archive.contract.ts';
import { searchContract } from './search.contract.ts';
import { uploadsAndSettingsContract } from './uploads-settings.contract.ts';
import { viewsContract } from './views.contract.ts';
import { visitorDataContract } from './visitor-data.contract.ts';
import { visitorMailContract } from './visitor-mail.contract.ts';
import { visitorsAndSitesContract } from './visitors-sites.contract.ts';

export type { OpenedStore, OpenStore } from './fixtures.ts';

export function storeContract(name: string, open: OpenStore): void {
  describe(`${name} keeps the Store contract`, () => {
    messagesContract(open);
    attachmentsContract(open);
    conversationsContract(open);
    conversationListingsContract(open);
    inboxContract(open);
    viewsContract(open);
    readMarksContract(open);
    ratingsAndResponseTimesContract(open);
    visitorsAndSitesContract(open);
    operatorsContract(open);
    operatorRacesContract(open);
    accountLinksContract(open);
    sitesArchiveContract(open);
    pageViewsContract(open);
    auditContract(open);
    outboxContract(open);
    uploadsAndSettingsContract(open);
    helpdeskContract(open);
    cannedAndMentionsContract(open);
    searchContract(open);
    visitorMailContract(open);
    visitorDataContract(open);
    reportsContract(open);
    servedFilesContract(open);
    jobsContract(open);
  });
}
