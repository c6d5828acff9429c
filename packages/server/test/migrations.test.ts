// Migrations applied to a database that already holds data keep that data usable.

import { afterEach, expect, it } from 'vitest';
import { migrate } from '../src/db/connection.ts';
import { type TestServer, createOperator, discard, startServer } from './harness.ts';

let server: TestServer;
afterEach(async () => {
  await discard(server);
});

it('rebuilding the ticket search index keeps existing tickets findable, by whole words and prefixes', async () => {
  server = await startServer();
  const { store, db } = server.app;
  const alice = await createOperator(server, 'Alice');
  const team = await store.helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
  const created = await store.helpdesk.createTicket({
    title: 'Dimmer switch hums',
    description: 'The lampe électrique buzzes',
    customerName: null,
    customerEmail: null,
    teamId: team.id,
    conversationId: null,
    createdBy: alice.id,
  });
  // As on a server that ran before each rebuild (prefixes, then columns only): forget it, and start again.
  for (const version of ['005_ticket_search_prefixes.sql', '007_ticket_search_columns.sql']) {
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version);
    expect(migrate(db)).toEqual([version]);
    for (const query of ['dimmer', 'dimm', 'electrique', 'elec', 'hums', 'switch buzzes']) {
      const { tickets } = await store.helpdesk.searchTickets(query, 0, 10);
      expect(
        tickets.map((ticket) => ticket.number),
        `${query} after ${version}`,
      ).toEqual([created.number]);
    }
  }
  const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets_fts'").get() as { sql: string };
  expect(index.sql).toContain('detail = column');
});
