// Admin settings stored as JSON values by key: module switches for now.

import type { ModuleSettings } from '@livechat/protocol';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/sqlite/connection.ts';

export const DEFAULT_MODULES: ModuleSettings = { helpdesk: false, crm: false };

export interface SettingsRepository {
  modules(): Promise<ModuleSettings>;
  saveModules(modules: ModuleSettings): Promise<ModuleSettings>;
  /** A server-wide signing key (256 random bits), made on first use and the same on every node after. */
  signingKey(name: string): Promise<Buffer>;
}

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
