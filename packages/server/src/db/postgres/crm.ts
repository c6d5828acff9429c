// CRM leads created from conversations, in PostgreSQL.

import type { Lead } from '@livechat/protocol';
import type { Reader } from '../../conversations/repository.ts';
import type { CrmRepository, NewLead } from '../../crm/repository.ts';
import { newId, now } from '../../ids.ts';
import type { PgDb } from './connection.ts';
import { type ReaderSlots, readerParams, recordReadableSql } from './readable-sql.ts';
import { type LeadRow, lead, leadValues } from '../rows/crm.ts';

/** Every query here carries its reader in its first two parameters. */
const READER: ReaderSlots = { id: '$1', admin: '$2' };

const SELECT = `SELECT l.id, l.title, l.internal_notes, l.contact_name, l.contact_email, l.conversation_id,
  l.created_by, o.name AS created_by_name, l.created_at FROM leads l JOIN operators o ON o.id = l.created_by`;
const READABLE = recordReadableSql('l.conversation_id', READER);

export class PostgresCrmRepository implements CrmRepository {
  constructor(private readonly db: PgDb) {}

  /** Inside the caller's transaction when there is one (see command-writes.ts). */
  async createLead(input: NewLead): Promise<Lead> {
    const id = newId();
    await this.db.run(
      `INSERT INTO leads (id, title, internal_notes, source, contact_name, contact_email, conversation_id, created_by, created_at)
       VALUES ($1, $2, $3, 'Livechat', $4, $5, $6, $7, $8)`,
      leadValues(id, input, now()),
    );
    const created = await this.db.one<LeadRow>(`${SELECT} WHERE l.id = $1`, [id]);
    if (!created) throw new Error('lead vanished right after creation');
    return lead(created);
  }

  async lead(id: string, reader: Reader): Promise<Lead | null> {
    const row = await this.db.one<LeadRow>(`${SELECT} WHERE l.id = $3 AND ${READABLE}`, [...readerParams(reader), id]);
    return row ? lead(row) : null;
  }

  async leads(offset: number, limit: number, reader: Reader): Promise<{ leads: Lead[]; total: number }> {
    const who = readerParams(reader);
    const rows = await this.db.query<LeadRow>(
      `${SELECT} WHERE ${READABLE} ORDER BY l.created_at DESC, l.id COLLATE "C" LIMIT $3 OFFSET $4`,
      [...who, limit, offset],
    );
    const count = await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM leads l WHERE ${READABLE}`, who);
    return { leads: rows.map(lead), total: count?.n ?? 0 };
  }
}
