// Helpdesk teams and tickets in PostgreSQL, with search by number or words (003_search.sql).

import type { HelpdeskTeam, Ticket } from '@livechat/protocol';
import type { Reader } from '../../conversations/repository.ts';
import type { HelpdeskRepository, NewTicket, TicketPage } from '../../helpdesk/repository.ts';
import { newId, now } from '../../ids.ts';
import type { PgDb } from './connection.ts';
import { type ReaderSlots, readerParams, recordReadableSql } from './readable-sql.ts';

/** Every query here carries its reader in its first two parameters. */
const READER: ReaderSlots = { id: '$1', admin: '$2' };
import { COUNT_CAP, type TicketTerms, ticketQuery } from './ticket-search.ts';
import { type TeamRow, type TicketRow, team, ticket, ticketValues } from '../rows/helpdesk.ts';

const TEAM_SELECT = 'SELECT id, name, sequence, livechat_enabled FROM helpdesk_teams';
const TICKET_SELECT = `SELECT t.number, t.title, t.description, t.customer_name, t.customer_email, t.team_id,
  h.name AS team_name, t.status, t.conversation_id, t.created_by, o.name AS created_by_name, t.created_at
  FROM tickets t JOIN helpdesk_teams h ON h.id = t.team_id JOIN operators o ON o.id = t.created_by`;
/** $3 and $4: the words, and which are prefixes. */
const READABLE = recordReadableSql('t.conversation_id', READER);
const MATCHING = `t.words @@ search_query($3::text[], $4::boolean[]) AND ${READABLE}`;

export class PostgresHelpdeskRepository implements HelpdeskRepository {
  constructor(private readonly db: PgDb) {}

  async teams(): Promise<HelpdeskTeam[]> {
    return (await this.db.query<TeamRow>(`${TEAM_SELECT} ORDER BY sequence, created_at`)).map(team);
  }

  async team(id: string): Promise<HelpdeskTeam | null> {
    const row = await this.db.one<TeamRow>(`${TEAM_SELECT} WHERE id = $1`, [id]);
    return row ? team(row) : null;
  }

  async createTeam(input: Omit<HelpdeskTeam, 'id'>): Promise<HelpdeskTeam> {
    const id = newId();
    await this.db.run(
      'INSERT INTO helpdesk_teams (id, name, sequence, livechat_enabled, created_at) VALUES ($1, $2, $3, $4, $5)',
      [id, input.name, input.sequence, input.livechatEnabled, now()],
    );
    return { id, ...input };
  }

  async updateTeam(id: string, changes: Partial<Omit<HelpdeskTeam, 'id'>>): Promise<HelpdeskTeam | null> {
    // One statement: what another node changed a moment before is kept where this change says nothing.
    const row = await this.db.one<TeamRow>(
      `UPDATE helpdesk_teams SET name = coalesce($2, name), sequence = coalesce($3, sequence),
         livechat_enabled = coalesce($4, livechat_enabled)
       WHERE id = $1 RETURNING id, name, sequence, livechat_enabled`,
      [id, changes.name ?? null, changes.sequence ?? null, changes.livechatEnabled ?? null],
    );
    return row ? team(row) : null;
  }

  async deleteTeam(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM helpdesk_teams WHERE id = $1', [id])) === 1;
  }

  async countTickets(teamId: string): Promise<number> {
    return (await this.db.one<{ n: number }>('SELECT count(*) AS n FROM tickets WHERE team_id = $1', [teamId]))?.n ?? 0;
  }

  async livechatTeam(): Promise<HelpdeskTeam | null> {
    const row = await this.db.one<TeamRow>(
      `${TEAM_SELECT} WHERE livechat_enabled ORDER BY sequence, created_at LIMIT 1`,
    );
    return row ? team(row) : null;
  }

  /**
   * Inside the caller's transaction when there is one (see command-writes.ts). The number follows the
   * highest, as SQLite's does: a sequence would leave a gap for each ticket rolled back, and the lock
   * (held until the transaction ends) keeps two nodes from taking the same one.
   */
  async createTicket(input: NewTicket): Promise<Ticket> {
    const inserted = await this.db.transaction(async () => {
      await this.db.query("SELECT pg_advisory_xact_lock(hashtext('livechat:ticket-number'))");
      return this.db.one<{ number: number }>(
        `INSERT INTO tickets (number, title, description, customer_name, customer_email, team_id, conversation_id, created_by, created_at)
         VALUES ((SELECT coalesce(max(number), 0) + 1 FROM tickets), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING number`,
        ticketValues(input, now()),
      );
    });
    const created =
      inserted && (await this.db.one<TicketRow>(`${TICKET_SELECT} WHERE t.number = $1`, [inserted.number]));
    if (!created) throw new Error('ticket vanished right after creation');
    return ticket(created);
  }

  async ticket(number: number, reader: Reader): Promise<Ticket | null> {
    const row = await this.db.one<TicketRow>(`${TICKET_SELECT} WHERE t.number = $3 AND ${READABLE}`, [
      ...readerParams(reader),
      number,
    ]);
    return row ? ticket(row) : null;
  }

  async searchTickets(text: string, offset: number, limit: number, reader: Reader): Promise<TicketPage> {
    const who = readerParams(reader);
    if (text.trim() === '') {
      const rows = await this.db.query<TicketRow>(
        `${TICKET_SELECT} WHERE ${READABLE} ORDER BY t.number DESC LIMIT $3 OFFSET $4`,
        [...who, limit, offset],
      );
      const count = await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM tickets t WHERE ${READABLE}`, who);
      return { tickets: rows.map(ticket), total: count?.n ?? 0 };
    }
    const query = ticketQuery(text);
    // A number names that ticket, first; its digits may also appear in other tickets' text.
    const exact = query.number !== null && (await this.ticket(query.number, reader)) ? [query.number] : [];
    let terms = query.exact;
    let wordTotal = terms === null ? 0 : await this.countMatches(who, terms);
    if (wordTotal === 0 && query.prefix !== null) {
      terms = query.prefix;
      wordTotal = await this.countMatches(who, terms);
    }
    const words = terms === null || wordTotal === 0 ? [] : await this.matches(who, terms, offset + limit + 1);
    const ordered = [...exact, ...words.filter((n) => !exact.includes(n))];
    const exactAlsoMatchesWords =
      exact.length > 0 && terms !== null && (await this.matchesTicket(who, terms, exact[0] as number));
    const total = wordTotal + exact.length - (exactAlsoMatchesWords ? 1 : 0);
    const page = ordered.slice(offset, offset + limit);
    const rows = await this.db.query<TicketRow>(`${TICKET_SELECT} WHERE t.number = ANY($1::integer[])`, [page]);
    const byNumber = new Map(rows.map((row) => [row.number, row]));
    return {
      tickets: page.flatMap((n) => {
        const row = byNumber.get(n);
        return row ? [ticket(row)] : [];
      }),
      total,
      totalCapped: wordTotal >= COUNT_CAP,
    };
  }

  private async countMatches(who: [string, boolean], terms: TicketTerms): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM tickets t WHERE ${MATCHING} LIMIT ${COUNT_CAP}) capped`,
      [...who, terms.words, terms.prefixes],
    );
    return row?.n ?? 0;
  }

  private async matches(who: [string, boolean], terms: TicketTerms, limit: number): Promise<number[]> {
    const rows = await this.db.query<{ number: number }>(
      `SELECT t.number FROM tickets t WHERE ${MATCHING} ORDER BY t.number DESC LIMIT $5`,
      [...who, terms.words, terms.prefixes, limit],
    );
    return rows.map((row) => row.number);
  }

  private async matchesTicket(who: [string, boolean], terms: TicketTerms, number: number): Promise<boolean> {
    const row = await this.db.one(`SELECT 1 AS one FROM tickets t WHERE ${MATCHING} AND t.number = $5`, [
      ...who,
      terms.words,
      terms.prefixes,
      number,
    ]);
    return row !== undefined;
  }
}
