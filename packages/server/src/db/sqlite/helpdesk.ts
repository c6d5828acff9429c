// Helpdesk teams and tickets in SQLite, with search by number or words.

import type { HelpdeskTeam, Ticket } from '@livechat/protocol';
import type { Reader } from '../../conversations/repository.ts';
import type { HelpdeskRepository, NewTicket, TicketPage } from '../../helpdesk/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type ReaderParams, readerParams, recordReadableSql } from './readable-sql.ts';
import { COUNT_CAP, FTS_COUNT_SQL, FTS_HAS_SQL, FTS_SEARCH_SQL, ticketQuery } from './ticket-search.ts';
import { type TeamRow, type TicketRow, team, ticket, ticketValues } from '../rows/helpdesk.ts';

const TICKET_SELECT = `SELECT t.number, t.title, t.description, t.customer_name, t.customer_email, t.team_id,
  h.name AS team_name, t.status, t.conversation_id, t.created_by, o.name AS created_by_name, t.created_at
  FROM tickets t JOIN helpdesk_teams h ON h.id = t.team_id JOIN operators o ON o.id = t.created_by`;
const READABLE = recordReadableSql('t.conversation_id');
/** Full-text matches narrowed to the tickets the reader may read. */
const readableMatches = (sql: string) =>
  sql.replace(
    'WHERE tickets_fts MATCH @match',
    `WHERE tickets_fts MATCH @match AND EXISTS (SELECT 1 FROM tickets t WHERE t.number = tickets_fts.rowid AND ${READABLE})`,
  );
type Matching = ReaderParams & { match: string };

export class SqliteHelpdeskRepository implements HelpdeskRepository {
  private readonly selectTeams;
  private readonly selectTeam;
  private readonly insertTeam;
  private readonly removeTeam;
  private readonly selectLivechatTeam;
  private readonly insertTicketRow;
  private readonly selectTicket;
  private readonly selectReadableTicket;
  private readonly selectTicketsByNumbers;
  private readonly ftsSearch;
  private readonly ftsCount;
  private readonly ftsHas;
  private readonly listAll;
  private readonly countAll;

  constructor(private readonly db: Db) {
    this.selectTeams = db.prepare<[], TeamRow>(
      'SELECT id, name, sequence, livechat_enabled FROM helpdesk_teams ORDER BY sequence, created_at',
    );
    this.selectTeam = db.prepare<[string], TeamRow>(
      'SELECT id, name, sequence, livechat_enabled FROM helpdesk_teams WHERE id = ?',
    );
    this.insertTeam = db.prepare(
      'INSERT INTO helpdesk_teams (id, name, sequence, livechat_enabled, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.removeTeam = db.prepare('DELETE FROM helpdesk_teams WHERE id = ?');
    this.selectLivechatTeam = db.prepare<[], TeamRow>(
      `SELECT id, name, sequence, livechat_enabled FROM helpdesk_teams WHERE livechat_enabled = 1
       ORDER BY sequence, created_at LIMIT 1`,
    );
    this.insertTicketRow = db.prepare(
      `INSERT INTO tickets (title, description, customer_name, customer_email, team_id, conversation_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectTicket = db.prepare<[number], TicketRow>(`${TICKET_SELECT} WHERE t.number = ?`);
    this.selectReadableTicket = db.prepare<[ReaderParams & { number: number }], TicketRow>(
      `${TICKET_SELECT} WHERE t.number = @number AND ${READABLE}`,
    );
    this.selectTicketsByNumbers = db.prepare<[string], TicketRow>(
      `${TICKET_SELECT} WHERE t.number IN (SELECT value FROM json_each(?)) ORDER BY t.number DESC`,
    );
    this.ftsSearch = db.prepare<[Matching & { limit: number; offset: number }], { number: number }>(
      readableMatches(FTS_SEARCH_SQL),
    );
    this.ftsCount = db.prepare<[Matching], { n: number }>(readableMatches(FTS_COUNT_SQL));
    // FTS5 ignores a rowid it is given as a real, and better-sqlite3 binds numbers as reals: the
    // number goes in as a bigint, or every ticket matching the words would be "this one".
    this.ftsHas = db.prepare<[Matching & { number: bigint }], { one: number }>(readableMatches(FTS_HAS_SQL));
    this.listAll = db.prepare<[ReaderParams & { limit: number; offset: number }], TicketRow>(
      `${TICKET_SELECT} WHERE ${READABLE} ORDER BY t.number DESC LIMIT @limit OFFSET @offset`,
    );
    this.countAll = db.prepare<[ReaderParams], { n: number }>(`SELECT count(*) AS n FROM tickets t WHERE ${READABLE}`);
  }

  async teams(): Promise<HelpdeskTeam[]> {
    return this.selectTeams.all().map(team);
  }

  async team(id: string): Promise<HelpdeskTeam | null> {
    const row = this.selectTeam.get(id);
    return row ? team(row) : null;
  }

  async createTeam(input: Omit<HelpdeskTeam, 'id'>): Promise<HelpdeskTeam> {
    const id = newId();
    this.insertTeam.run(id, input.name, input.sequence, input.livechatEnabled ? 1 : 0, now());
    return { id, ...input };
  }

  async updateTeam(id: string, changes: Partial<Omit<HelpdeskTeam, 'id'>>): Promise<HelpdeskTeam | null> {
    const current = await this.team(id);
    if (!current) return null;
    const next = { ...current, ...changes };
    this.db
      .prepare('UPDATE helpdesk_teams SET name = ?, sequence = ?, livechat_enabled = ? WHERE id = ?')
      .run(next.name, next.sequence, next.livechatEnabled ? 1 : 0, id);
    return next;
  }

  async deleteTeam(id: string): Promise<boolean> {
    return this.removeTeam.run(id).changes === 1;
  }

  async countTickets(teamId: string): Promise<number> {
    return (
      this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM tickets WHERE team_id = ?').get(teamId)?.n ??
      0
    );
  }

  async livechatTeam(): Promise<HelpdeskTeam | null> {
    const row = this.selectLivechatTeam.get();
    return row ? team(row) : null;
  }

  async createTicket(input: NewTicket): Promise<Ticket> {
    return this.insertTicket(input);
  }

  /** Inserts at once, inside the caller's transaction when there is one (see command-writes.ts). */
  insertTicket(input: NewTicket): Ticket {
    const result = this.insertTicketRow.run(...ticketValues(input, now()));
    const created = this.selectTicket.get(Number(result.lastInsertRowid));
    if (!created) throw new Error('ticket vanished right after creation');
    return ticket(created);
  }

  async ticket(number: number, reader: Reader): Promise<Ticket | null> {
    const row = this.selectReadableTicket.get({ ...readerParams(reader), number });
    return row ? ticket(row) : null;
  }

  async searchTickets(text: string, offset: number, limit: number, reader: Reader): Promise<TicketPage> {
    const who = readerParams(reader);
    if (text.trim() === '') {
      return {
        tickets: this.listAll.all({ ...who, limit, offset }).map(ticket),
        total: this.countAll.get(who)?.n ?? 0,
      };
    }
    const query = ticketQuery(text);
    // A number names that ticket, first; its digits may also appear in other tickets' text.
    const exact =
      query.number !== null && this.selectReadableTicket.get({ ...who, number: query.number }) ? [query.number] : [];
    let match = query.exact;
    let wordTotal = match === null ? 0 : (this.ftsCount.get({ ...who, match })?.n ?? 0);
    if (wordTotal === 0 && query.prefix !== null) {
      match = query.prefix;
      wordTotal = this.ftsCount.get({ ...who, match })?.n ?? 0;
    }
    const words =
      match === null || wordTotal === 0
        ? []
        : this.ftsSearch.all({ ...who, match, limit: offset + limit + 1, offset: 0 }).map((row) => row.number);
    const ordered = [...exact, ...words.filter((n) => !exact.includes(n))];
    const exactAlsoMatchesWords =
      exact.length > 0 &&
      match !== null &&
      this.ftsHas.get({ ...who, match, number: BigInt(exact[0] as number) }) !== undefined;
    const total = wordTotal + exact.length - (exactAlsoMatchesWords ? 1 : 0);
    const page = ordered.slice(offset, offset + limit);
    const rows = new Map(this.selectTicketsByNumbers.all(JSON.stringify(page)).map((row) => [row.number, row]));
    return {
      tickets: page.flatMap((n) => {
        const row = rows.get(n);
        return row ? [ticket(row)] : [];
      }),
      total,
      totalCapped: wordTotal >= COUNT_CAP,
    };
  }
}
