// Admin settings in PostgreSQL, stored as JSON values by key.

import type { ModuleSettings } from '@livechat/protocol';
import { randomBytes } from 'node:crypto';
import { DEFAULT_MODULES, type SettingsRepository } from '../../settings/repository.ts';
import type { PgDb } from './connection.ts';

export class PostgresSettingsRepository implements SettingsRepository {
  constructor(private readonly db: PgDb) {}

  async modules(): Promise<ModuleSettings> {
    const row = await this.db.one<{ value: Partial<ModuleSettings> }>(
      "SELECT value FROM settings WHERE key = 'modules'",
    );
    return { ...DEFAULT_MODULES, ...row?.value };
  }

  async saveModules(modules: ModuleSettings): Promise<ModuleSettings> {
    await this.db.run(
      `INSERT INTO settings (key, value) VALUES ('modules', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [JSON.stringify(modules)],
    );
    return modules;
  }

  async signingKey(name: string): Promise<Buffer> {
    const key = `key:${name}`;
    // Whoever writes first wins: a node whose insert meets another's (even uncommitted) waits for it,
    // then reads the winner's key.
    const candidate = JSON.stringify(randomBytes(32).toString('base64url'));
    const inserted = await this.db.one<{ value: string }>(
      'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING RETURNING value',
      [key, candidate],
    );
    const row = inserted ?? (await this.db.one<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]));
    if (!row) throw new Error(`signing key ${name} could not be stored`);
    return Buffer.from(row.value, 'base64url');
  }
}
