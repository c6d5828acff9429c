// Canned responses in PostgreSQL: shortcuts unique whatever their case, and how often each was used.

import type { CannedResponse, CannedResponseInput } from '@livechat/protocol';
import { type CannedResponseRepository, shortcutKey } from '../../canned/repository.ts';
import { newId, now } from '../../ids.ts';
import { isUniqueViolation, type PgDb } from './connection.ts';
import { type CannedRow, COLUMNS, cannedResponse } from '../rows/canned.ts';

const UNIQUE_SHORTCUT = 'canned_responses_by_shortcut_key';

/** Leading and trailing blank space is never meant; the lines in between are kept as written. */
const cleanText = (text: string): string => text.trim();

export class PostgresCannedResponseRepository implements CannedResponseRepository {
  constructor(private readonly db: PgDb) {}

  async list(): Promise<CannedResponse[]> {
    // COLLATE "C": the order of the keys' code points, as SQLite's BINARY compares them.
    const rows = await this.db.query<CannedRow>(
      `SELECT ${COLUMNS} FROM canned_responses ORDER BY shortcut_key COLLATE "C"`,
    );
    return rows.map(cannedResponse);
  }

  async byId(id: string): Promise<CannedResponse | null> {
    const row = await this.db.one<CannedRow>(`SELECT ${COLUMNS} FROM canned_responses WHERE id = $1`, [id]);
    return row ? cannedResponse(row) : null;
  }

  async byShortcut(shortcut: string): Promise<CannedResponse | null> {
    const row = await this.db.one<CannedRow>(`SELECT ${COLUMNS} FROM canned_responses WHERE shortcut_key = $1`, [
      shortcutKey(shortcut),
    ]);
    return row ? cannedResponse(row) : null;
  }

  async create(input: CannedResponseInput, createdBy: string): Promise<CannedResponse | null> {
    const time = now();
    // The unique index decides between two nodes creating one shortcut at once: the second gets no row.
    const row = await this.db.one<CannedRow>(
      `INSERT INTO canned_responses (id, shortcut, shortcut_key, substitution, description, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (shortcut_key) DO NOTHING RETURNING ${COLUMNS}`,
      [
        newId(),
        input.shortcut,
        shortcutKey(input.shortcut),
        cleanText(input.substitution),
        cleanText(input.description ?? ''),
        createdBy,
        time,
      ],
    );
    return row ? cannedResponse(row) : null;
  }

  async update(id: string, patch: Partial<CannedResponseInput>): Promise<CannedResponse | 'conflict' | 'missing'> {
    const shortcut = patch.shortcut ?? null;
    try {
      // One statement: the patch applies to the row as it is when its lock is taken, and the unique
      // index refuses a shortcut another response holds, however close together two nodes write.
      const row = await this.db.one<CannedRow>(
        `UPDATE canned_responses SET shortcut = coalesce($2, shortcut), shortcut_key = coalesce($3, shortcut_key),
           substitution = coalesce($4, substitution), description = coalesce($5, description), updated_at = $6
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          shortcut,
          shortcut === null ? null : shortcutKey(shortcut),
          patch.substitution === undefined ? null : cleanText(patch.substitution),
          patch.description === undefined ? null : cleanText(patch.description),
          now(),
        ],
      );
      return row ? cannedResponse(row) : 'missing';
    } catch (err) {
      if (isUniqueViolation(err, UNIQUE_SHORTCUT)) return 'conflict';
      throw err;
    }
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM canned_responses WHERE id = $1', [id])) === 1;
  }

  async recordUse(ids: readonly string[]): Promise<CannedResponse[]> {
    if (ids.length === 0) return [];
    // use_count + 1 under each row's lock: uses counted on two nodes at once are both counted.
    const rows = await this.db.query<CannedRow>(
      `UPDATE canned_responses SET use_count = use_count + 1, last_used_at = $1 WHERE id = ANY($2::text[])
       RETURNING ${COLUMNS}`,
      [now(), [...new Set(ids)]],
    );
    const asked = [...new Set(ids)];
    return rows.map(cannedResponse).sort((a, b) => asked.indexOf(a.id) - asked.indexOf(b.id));
  }
}
