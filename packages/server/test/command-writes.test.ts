// A command's new ticket or lead and its result are stored together: both or neither, and
// nothing of them is seen by anyone else before both are in.

import type { CommandResult } from '@livechat/protocol';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../src/db/store.ts';
import { newId, now } from '../src/ids.ts';
import { type TestServer, createOperator, discard, startServer } from './harness.ts';

let server: TestServer;
let store: Store;
let operatorId: string;
let teamId: string;
let conversationId: string;
/** A connection of its own to the PostgreSQL database, beside the server's; null on SQLite. */
let observer: pg.Client | null;

beforeEach(async () => {
  server = await startServer();
  store = server.app.store;
  operatorId = (await createOperator(server, 'Alice', 'admin')).id;
  teamId = (await store.helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true })).id;
  const visitor = await store.visitors.create('shop', 'token-hash');
  conversationId = (await store.conversations.findOrCreateOpen('shop', visitor.id)).conversation.id;
  observer = server.databaseUrl ? new pg.Client({ connectionString: server.databaseUrl }) : null;
  await observer?.connect();
});

afterEach(async () => {
  await observer?.end();
  await discard(server);
});

/** What another connection sees: only what is committed. */
function committed(sql: string): Promise<unknown[]> {
  if (observer) return observer.query(sql).then((result) => result.rows);
  const db = new Database(join(server.dataDir, 'livechat.sqlite'), { readonly: true });
  try {
    return Promise.resolve(db.prepare(sql).all());
  } finally {
    db.close();
  }
}

/**
 * On PostgreSQL, keeps every write from storing a command result until `lookInside` has looked, so that
 * a look taken from inside a write comes before its commit (a result is the last thing a write stores).
 * SQLite runs the write's callback inside its transaction, in the same turn, with nothing to hold.
 */
async function holdResults(): Promise<void> {
  await observer?.query('BEGIN');
  await observer?.query('LOCK TABLE command_results IN SHARE MODE');
}

/** From inside a write begun after `holdResults`: what is committed, then the hold ends. */
function lookInside(sql: string): Promise<unknown[]> {
  const seen = committed(sql);
  const released = observer?.query('COMMIT');
  return Promise.all([seen, released]).then(([rows]) => rows);
}

const newTicket = (title: string) => ({
  title,
  description: 'Visitor: the dimmer hums\nAlice: which model?',
  customerName: null,
  customerEmail: null,
  teamId,
  conversationId,
  createdBy: operatorId,
});

const resultFor = (lines: CommandResult['lines'], operator = operatorId): CommandResult => ({
  id: newId(),
  conversationId,
  operatorId: operator,
  input: '/ticket',
  status: 'ok',
  lines,
  createdAt: now(),
});

it('stores the ticket and the result written from its number, seen by others only once both are in', async () => {
  let seenMeanwhile: Promise<unknown[]> = Promise.resolve(['never looked']);
  await holdResults();
  const result = await store.commandWrites.ticketWithResult(newTicket('Dimmer hums'), (ticket) => {
    seenMeanwhile = lookInside('SELECT number FROM tickets');
    return resultFor([{ text: `${ticket.title} (#${ticket.number})`, href: `#/tickets/${ticket.number}` }]);
  });

  expect(await seenMeanwhile).toEqual([]);
  expect(result.lines).toEqual([{ text: 'Dimmer hums (#1)', href: '#/tickets/1' }]);
  expect(await committed('SELECT number, title FROM tickets')).toEqual([{ number: 1, title: 'Dimmer hums' }]);
  expect((await store.commandResults.list(conversationId, operatorId)).map((kept) => kept.id)).toEqual([result.id]);
  expect(
    (await store.helpdesk.searchTickets('dimmer', 0, 10, { id: '', role: 'admin' })).tickets.map(
      (ticket) => ticket.number,
    ),
  ).toEqual([1]);
});

it('stores no ticket when its result cannot be stored', async () => {
  const unknownOperator = resultFor([{ text: 'never kept' }], 'no-such-operator');
  await expect(store.commandWrites.ticketWithResult(newTicket('Lost'), () => unknownOperator)).rejects.toThrow(
    /foreign key/i,
  );
  await expect(
    store.commandWrites.ticketWithResult(newTicket('Lost too'), () => {
      throw new Error('no result');
    }),
  ).rejects.toThrow('no result');

  expect(await committed('SELECT * FROM tickets')).toEqual([]);
  expect(await committed('SELECT * FROM command_results')).toEqual([]);
  expect((await store.helpdesk.searchTickets('lost', 0, 10, { id: '', role: 'admin' })).total).toBe(0);
  // The connection is usable afterwards, and what was rolled back used up no number.
  const next = await store.commandWrites.ticketWithResult(newTicket('Kept'), (ticket) =>
    resultFor([{ text: `#${ticket.number}` }]),
  );
  expect(next.lines).toEqual([{ text: '#1' }]);
});

it('stores a lead with its result, or neither', async () => {
  const lead = {
    title: 'Bulk order',
    internalNotes: 'Visitor: 40 lamps?',
    contactName: null,
    contactEmail: null,
    conversationId,
    createdBy: operatorId,
  };
  await expect(
    store.commandWrites.leadWithResult(lead, () => resultFor([{ text: 'never kept' }], 'no-such-operator')),
  ).rejects.toThrow(/foreign key/i);
  expect(await committed('SELECT * FROM leads')).toEqual([]);

  let seenMeanwhile: Promise<unknown[]> = Promise.resolve(['never looked']);
  await holdResults();
  const result = await store.commandWrites.leadWithResult(lead, (created) => {
    seenMeanwhile = lookInside('SELECT id FROM leads');
    return resultFor([{ text: created.title, href: `#/leads/${created.id}` }]);
  });
  expect(await seenMeanwhile).toEqual([]);
  const [stored] = (await committed('SELECT id, title FROM leads')) as Array<{ id: string; title: string }>;
  expect(stored?.title).toBe('Bulk order');
  expect(result.lines).toEqual([{ text: 'Bulk order', href: `#/leads/${stored?.id}` }]);
  expect(await committed('SELECT id FROM command_results')).toEqual([{ id: result.id }]);
});
