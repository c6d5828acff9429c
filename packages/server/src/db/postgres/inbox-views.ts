// The inbox's views in PostgreSQL: each filtered to what the operator may read in the query, paged by
// keyset on (last activity, id): no OFFSET, however deep the page.

import type { InboxCounts, OperatorProfile } from '@livechat/protocol';
import type { InboxViews, ViewName, ViewPage } from '../../conversations/views.ts';
import { AppError } from '../../errors.ts';
import type { PgDb } from './connection.ts';
import { type ConversationRow, conversation } from '../rows/conversations.ts';
import { SELECT } from './conversations.ts';

// Every filter reads the operator from `r`, a one-row relation of the query's first two parameters:
// each query then uses both, whichever filter it holds, and PostgreSQL knows both parameters' types.
const READER = '(SELECT $1::text AS operator_id, $2::boolean AS admin) r';

const MINE = `c.status = 'open' AND c.id IN (SELECT m.conversation_id FROM conversation_members m
  WHERE m.operator_id = r.operator_id AND m.active)`;
const UNASSIGNED = `c.status = 'open' AND c.assigned_operator_id IS NULL AND NOT EXISTS (
  SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = r.operator_id
    AND NOT m.active AND m.left_at IS NOT NULL)`;
const MENTIONS = `c.id IN (SELECT n.conversation_id FROM notifications n
  WHERE n.operator_id = r.operator_id AND n.kind = 'mention' AND n.read_at IS NULL)`;
// Closed ones are read by admins, by the operators who were in them when they ended, and by those mentioned.
const RESOLVED = `c.status = 'closed' AND (r.admin
  OR EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = r.operator_id AND m.active)
  OR EXISTS (SELECT 1 FROM conversation_mentions x WHERE x.conversation_id = c.id AND x.operator_id = r.operator_id))`;
const ALL = `c.status = 'open'`;

const FILTERS: Record<ViewName, string> = {
  mine: MINE,
  unassigned: UNASSIGNED,
  listed: `(${MINE}) OR (${UNASSIGNED})`,
  mentions: MENTIONS,
  resolved: RESOLVED,
  all: ALL,
};

/** Where a page starts: after this (time, id), newest first. */
interface Position {
  at: string;
  id: string;
}

/** Sorts after every time: the first page. */
const FIRST: Position = { at: 'infinity', id: '' };

const encodeCursor = (at: string, id: string): string => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    // A time the database would refuse to read is no cursor the server gave.
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // Reported below.
  }
  throw new AppError('bad_request', 'this cursor is not one the server gave');
}

function pageSql(view: ViewName): string {
  const filter = FILTERS[view];
  // A closed conversation gets no more messages, so its row's time is its last activity and the
  // Resolved view walks its index newest first; open ones, far fewer, sort by their newest message.
  if (view === 'resolved') {
    return `${SELECT} CROSS JOIN ${READER} WHERE (${filter}) AND (c.updated_at, c.id) < ($3::timestamptz, $4::text)
      ORDER BY c.updated_at DESC, c.id DESC LIMIT $5`;
  }
  return `SELECT * FROM (${SELECT} CROSS JOIN ${READER} WHERE ${filter}) v
    WHERE (v.activity_at, v.id) < ($3::timestamptz, $4::text) ORDER BY v.activity_at DESC, v.id DESC LIMIT $5`;
}

const COUNTS = `SELECT (SELECT count(*) FROM conversations c WHERE ${MINE}) AS mine,
  (SELECT count(*) FROM conversations c WHERE ${UNASSIGNED}) AS unassigned,
  (SELECT count(*) FROM conversations c WHERE ${MENTIONS}) AS mentions,
  (SELECT count(*) FROM conversations c WHERE ${RESOLVED}) AS resolved,
  CASE WHEN r.admin THEN (SELECT count(*) FROM conversations c WHERE ${ALL}) END AS "all"
  FROM ${READER}`;

export class PostgresInboxViews implements InboxViews {
  constructor(private readonly db: PgDb) {}

  async page(operator: OperatorProfile, view: ViewName, limit: number, cursor: string | null): Promise<ViewPage> {
    if (view === 'all' && operator.role !== 'admin')
      throw new AppError('forbidden', 'only admins see every conversation');
    if (!Object.hasOwn(FILTERS, view)) throw new AppError('bad_request', `no view "${view}"`);
    const from = cursor ? decodeCursor(cursor) : FIRST;
    const rows = await this.db.query<ConversationRow>(pageSql(view), [
      operator.id,
      operator.role === 'admin',
      from.at,
      from.id,
      limit + 1,
    ]);
    const more = rows.length > limit;
    const shown = (more ? rows.slice(0, limit) : rows).map(conversation);
    const last = shown.at(-1);
    return { conversations: shown, nextCursor: more && last ? encodeCursor(last.updatedAt, last.id) : null };
  }

  async counts(operator: OperatorProfile): Promise<InboxCounts> {
    const admin = operator.role === 'admin';
    const row = await this.db.one<InboxCounts & { all: number | null }>(COUNTS, [operator.id, admin]);
    return {
      mine: row?.mine ?? 0,
      unassigned: row?.unassigned ?? 0,
      mentions: row?.mentions ?? 0,
      resolved: row?.resolved ?? 0,
      all: admin ? (row?.all ?? 0) : null,
    };
  }
}
