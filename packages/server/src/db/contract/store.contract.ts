// The contract every Store keeps, run against each implementation, each test on an empty store of its own.

import { describe } from 'vitest';
import { attachmentsContract } from './attachments.contract.ts';
import type { OpenStore } from './fixtures.ts';
import { messagesContract } from './messages.contract.ts';

export type { OpenedStore, OpenStore } from './fixtures.ts';

export function storeContract(name: string, open: OpenStore): void {
  describe(`${name} keeps the Store contract`, () => {
    messagesContract(open);
    attachmentsContract(open);
  });
}
