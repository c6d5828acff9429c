// CRM leads created from conversations, in SQLite.

import type { Lead } from '@livechat/protocol';
import type { Reader } from '../../conversations/repository.ts';
import type { CrmRepository, NewLead } from '../../crm/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type ReaderParams, readerParams, recordReadableSql } from './readable-sql.ts';
import { type LeadRow, lead, leadValues } from '../rows/crm.ts';

const SELECT = `SELECT l.id, l.title, l.internal_notes, l.contact_name, l.contact_email, l.conversation_id,
  l.created_by, o.name AS created_by_name, l.created_at FROM leads l JOIN operators o ON o.id = l.created_by`;
const READABLE = recordReadableSql('l.conversation_id');

export class SqliteCrmRepository implements CrmRepository {
  private readonly insert;
  private readonly selectOne;
  private readonly selectReadable;
  private readonly selectPage;
  private readonly count;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO leads (id, title, internal_notes, source, contact_name, contact_email, conversation_id, created_by, created_at)
       VALUES (?, ?, ?, 'Livechat', ?, ?, ?, ?, ?)`,
    );
    this.selectOne = db.prepare<[string], LeadRow>(`${SELECT} WHERE l.id = ?`);
    this.selectReadable = db.prepare<[ReaderParams & { id: string }], LeadRow>(
      `${SELECT} WHERE l.id = @id AND ${READABLE}`,
    );
    this.selectPage = db.prepare<[ReaderParams & { limit: number; offset: number }], LeadRow>(
      `${SELECT} WHERE ${READABLE} ORDER BY l.created_at DESC, l.id LIMIT @limit OFFSET @offset`,
    );
    this.count = db.prepare<[ReaderParams], { n: number }>(`SELECT count(*) AS n FROM leads l WHERE ${READABLE}`);
  }

  async createLead(input: NewLead): Promise<Lead> {
    return this.insertLead(input);
  }

  /** Inserts at once, inside the caller's transaction when there is one (see command-writes.ts). */
  insertLead(input: NewLead): Lead {
    const id = newId();
    this.insert.run(...leadValues(id, input, now()));
    const created = this.selectOne.get(id);
    if (!created) throw new Error('lead vanished right after creation');
    return lead(created);
  }

  async lead(id: string, reader: Reader): Promise<Lead | null> {
    const row = this.selectReadable.get({ ...readerParams(reader), id });
    return row ? lead(row) : null;
  }

  async leads(offset: number, limit: number, reader: Reader) {
    const who = readerParams(reader);
    return { leads: this.selectPage.all({ ...who, limit, offset }).map(lead), total: this.count.get(who)?.n ?? 0 };
  }
}
