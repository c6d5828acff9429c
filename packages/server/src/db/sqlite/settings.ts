// Admin settings in SQLite, stored as JSON values by key.

import type { ModuleSettings } from '@livechat/protocol';
import { randomBytes } from 'node:crypto';
import { DEFAULT_MODULES, type SettingsRepository } from '../../settings/repository.ts';
import type { Db } from './connection.ts';

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly select;
  private readonly upsert;
  private readonly insertIfAbsent;

  constructor(db: Db) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.insertIfAbsent = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  }

  async modules(): Promise<ModuleSettings> {
    const row = this.select.get('modules');
    return { ...DEFAULT_MODULES, ...(row ? (JSON.parse(row.value) as Partial<ModuleSettings>) : {}) };
  }

  async saveModules(modules: ModuleSettings): Promise<ModuleSettings> {
    this.upsert.run('modules', JSON.stringify(modules));
    return modules;
  }

  async signingKey(name: string): Promise<Buffer> {
    const key = `key:${name}`;
    // Whoever writes first wins; everyone reads the winner's key.
    this.insertIfAbsent.run(key, JSON.stringify(randomBytes(32).toString('base64url')));
    const row = this.select.get(key);
    if (!row) throw new Error(`signing key ${name} could not be stored`);
    return Buffer.from(JSON.parse(row.value) as string, 'base64url');
  }
}
