// The inbox's views in SQLite: each filtered to what the operator may read in the query, paged by
// keyset on (last activity, id): no OFFSET, however deep the page.

import type { InboxCounts, OperatorProfile } from '@livechat/protocol';
import type { InboxViews, ViewName, ViewPage } from '../../conversations/views.ts';
import { AppError } from '../../errors.ts';
import type { Db } from './connection.ts';
import { conversation } from '../rows/conversations.ts';
import { SELECT } from './conversations.ts';

const MINE = `c.status = 'open' AND c.id IN (SELECT m.conversation_id FROM conversation_members m
  WHERE m.operator_id = @operatorId AND m.active = 1)`;
const UNASSIGNED = `c.status = 'open' AND c.assigned_operator_id IS NULL AND NOT EXISTS (
  SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = @operatorId
    AND m.active = 0 AND m.left_at IS NOT NULL)`;
const MENTIONS = `c.id IN (SELECT n.conversation_id FROM notifications n
  WHERE n.operator_id = @operatorId AND n.kind = 'mention' AND n.read_at IS NULL)`;
// Closed ones are read by admins, by the operators who were in them when they ended, and by those mentioned.
const RESOLVED = `c.status = 'closed' AND (@admin = 1
  OR EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = @operatorId AND m.active = 1)
  OR EXISTS (SELECT 1 FROM conversation_mentions x WHERE x.conversation_id = c.id AND x.operator_id = @operatorId))`;
const ALL = `c.status = 'open'`;

const FILTERS: Record<ViewName, string> = {
  mine: MINE,
  unassigned: UNASSIGNED,
  listed: `(${MINE}) OR (${UNASSIGNED})`,
  mentions: MENTIONS,
  resolved: RESOLVED,
  all: ALL,
};

interface Params {
  operatorId: string;
  admin: number;
  at: string;
  id: string;
  limit: number;
}

/** Sorts after every ISO time: the first page. */
const FIRST: Pick<Params, 'at' | 'id'> = { at: '9999', id: '' };

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

export function decodeCursor(cursor: string): Pick<Params, 'at' | 'id'> {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // Reported below.
  }
  throw new AppError('bad_request', 'this cursor is not one the server gave');
}

export class SqliteInboxViews implements InboxViews {
  private readonly pages = new Map<ViewName, ReturnType<Db['prepare']>>();
  private readonly count;

  constructor(db: Db) {
    for (const [view, filter] of Object.entries(FILTERS) as Array<[ViewName, string]>) {
      // A closed conversation gets no more messages, so its row's time is its last activity and the
      // Resolved view walks its index newest first (named: the planner, without statistics, would
      // rather sort); open ones, far fewer, sort by their newest message.
      const sql =
        view === 'resolved'
          ? `${SELECT} INDEXED BY conversations_resolved_newest WHERE ${filter} AND (c.updated_at, c.id) < (@at, @id)
             ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit`
          : `SELECT * FROM (${SELECT} WHERE ${filter}) WHERE (activity_at, id) < (@at, @id)
             ORDER BY activity_at DESC, id DESC LIMIT @limit`;
      this.pages.set(view, db.prepare(sql));
    }
    this.count = db.prepare<{ operatorId: string; admin: number }, InboxCounts & { all: number }>(
      `SELECT (SELECT count(*) FROM conversations c WHERE ${MINE}) AS mine,
         (SELECT count(*) FROM conversations c WHERE ${UNASSIGNED}) AS unassigned,
         (SELECT count(*) FROM conversations c WHERE ${MENTIONS}) AS mentions,
         (SELECT count(*) FROM conversations c WHERE ${RESOLVED}) AS resolved,
         CASE WHEN @admin = 1 THEN (SELECT count(*) FROM conversations c WHERE ${ALL}) END AS "all"`,
    );
  }

  async page(operator: OperatorProfile, view: ViewName, limit: number, cursor: string | null): Promise<ViewPage> {
    if (view === 'all' && operator.role !== 'admin')
      throw new AppError('forbidden', 'only admins see every conversation');
    const statement = this.pages.get(view);
    if (!statement) throw new AppError('bad_request', `no view "${view}"`);
    const params: Params = {
      operatorId: operator.id,
      admin: operator.role === 'admin' ? 1 : 0,
      ...(cursor ? decodeCursor(cursor) : FIRST),
      limit: limit + 1,
    };
    const rows = (statement.all(params) as Parameters<typeof conversation>[0][]).map(conversation);
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    return { conversations: shown, nextCursor: more && last ? encodeCursor(last.updatedAt, last.id) : null };
  }

  async counts(operator: OperatorProfile): Promise<InboxCounts> {
    const admin = operator.role === 'admin' ? 1 : 0;
    const row = this.count.get({ operatorId: operator.id, admin });
    return {
      mine: row?.mine ?? 0,
      unassigned: row?.unassigned ?? 0,
      mentions: row?.mentions ?? 0,
      resolved: row?.resolved ?? 0,
      all: admin ? (row?.all ?? 0) : null,
    };
  }
}
