// Canned responses in SQLite: shortcuts unique whatever their case, and how often each was used.

import type { CannedResponse, CannedResponseInput } from '@livechat/protocol';
import { type CannedResponseRepository, shortcutKey } from '../../canned/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type CannedRow, COLUMNS, cannedResponse } from '../rows/canned.ts';

/** Leading and trailing blank space is never meant; the lines in between are kept as written. */
const cleanText = (text: string): string => text.trim();

export class SqliteCannedResponseRepository implements CannedResponseRepository {
  private readonly selectAll;
  private readonly selectById;
  private readonly selectByKey;
  private readonly insert;
  private readonly updateRow;
  private readonly remove;
  private readonly countUse;
  private readonly updateTx;
  private readonly useTx;

  constructor(db: Db) {
    this.selectAll = db.prepare<[], CannedRow>(`SELECT ${COLUMNS} FROM canned_responses ORDER BY shortcut_key`);
    this.selectById = db.prepare<[string], CannedRow>(`SELECT ${COLUMNS} FROM canned_responses WHERE id = ?`);
    this.selectByKey = db.prepare<[string], CannedRow>(
      `SELECT ${COLUMNS} FROM canned_responses WHERE shortcut_key = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO canned_responses (id, shortcut, shortcut_key, substitution, description, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shortcut_key) DO NOTHING`,
    );
    this.updateRow = db.prepare<[string, string, string, string, string, string], CannedRow>(
      `UPDATE canned_responses SET shortcut = ?, shortcut_key = ?, substitution = ?, description = ?, updated_at = ?
       WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.remove = db.prepare('DELETE FROM canned_responses WHERE id = ?');
    this.countUse = db.prepare<[string, string], CannedRow>(
      `UPDATE canned_responses SET use_count = use_count + 1, last_used_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.updateTx = db.transaction((id: string, patch: Partial<CannedResponseInput>) => {
      const current = this.selectById.get(id);
      if (!current) return 'missing' as const;
      const shortcut = patch.shortcut ?? current.shortcut;
      const key = shortcutKey(shortcut);
      const holder = this.selectByKey.get(key);
      if (holder && holder.id !== id) return 'conflict' as const;
      const substitution = patch.substitution === undefined ? current.substitution : cleanText(patch.substitution);
      const description = patch.description === undefined ? current.description : cleanText(patch.description);
      const row = this.updateRow.get(shortcut, key, substitution, description, now(), id);
      if (!row) return 'missing' as const;
      return cannedResponse(row);
    });
    this.useTx = db.transaction((ids: readonly string[]) => {
      const time = now();
      const used: CannedResponse[] = [];
      for (const id of new Set(ids)) {
        const row = this.countUse.get(time, id);
        if (row) used.push(cannedResponse(row));
      }
      return used;
    });
  }

  async list(): Promise<CannedResponse[]> {
    return this.selectAll.all().map(cannedResponse);
  }

  async byId(id: string): Promise<CannedResponse | null> {
    const row = this.selectById.get(id);
    return row ? cannedResponse(row) : null;
  }

  async byShortcut(shortcut: string): Promise<CannedResponse | null> {
    const row = this.selectByKey.get(shortcutKey(shortcut));
    return row ? cannedResponse(row) : null;
  }

  async create(input: CannedResponseInput, createdBy: string): Promise<CannedResponse | null> {
    const id = newId();
    const time = now();
    const inserted = this.insert.run(
      id,
      input.shortcut,
      shortcutKey(input.shortcut),
      cleanText(input.substitution),
      cleanText(input.description ?? ''),
      createdBy,
      time,
      time,
    );
    return inserted.changes === 1 ? this.byId(id) : null;
  }

  async update(id: string, patch: Partial<CannedResponseInput>) {
    return this.updateTx.immediate(id, patch);
  }

  async delete(id: string): Promise<boolean> {
    return this.remove.run(id).changes === 1;
  }

  async recordUse(ids: readonly string[]): Promise<CannedResponse[]> {
    return ids.length === 0 ? [] : this.useTx.immediate(ids);
  }
}
