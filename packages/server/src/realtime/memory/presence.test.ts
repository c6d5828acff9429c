// The memory presence against the shared contract; its nodes share one table.

import { CONTRACT_TTL_MS, describePresence } from '../presence.contract.ts';
import { MemoryPresence, type PresenceTable } from './presence.ts';

describePresence('MemoryPresence', (clock) => {
  const table: PresenceTable = new Map();
  return { node: () => new MemoryPresence({ table, ttlMs: CONTRACT_TTL_MS, clock }), close: () => {} };
});
