// The contract every Store keeps, run against each implementation, each test on an empty store of its own.

import { describe } from 'vitest';
import { attachmentsContract } from './attachments.contract.ts';
import { conversationsContract } from './conversations.contract.ts';
import type { OpenStore } from './fixtures.ts';
import { inboxContract } from './inbox.contract.ts';
import { jobsContract } from './jobs.contract.ts';
import { messagesContract } from './messages.contract.ts';
import { operatorsContract } from './operators.contract.ts';
import { outboxContract } from './outbox.contract.ts';
import { uploadsAndSettingsContract } from './uploads-settings.contract.ts';
import { visitorsAndSitesContract } from './visitors-sites.contract.ts';

export type { OpenedStore, OpenStore } from './fixtures.ts';

export function storeContract(name: string, open: OpenStore): void {
  describe(`${name} keeps the Store contract`, () => {
    messagesContract(open);
    attachmentsContract(open);
    conversationsContract(open);
    inboxContract(open);
    visitorsAndSitesContract(open);
    operatorsContract(open);
    outboxContract(open);
    uploadsAndSettingsContract(open);
    jobsContract(open);
  });
}
