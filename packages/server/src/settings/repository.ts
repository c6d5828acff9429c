// Admin settings stored as JSON values by key: module switches for now.

import type { ModuleSettings } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';

export const DEFAULT_MODULES: ModuleSettings = { helpdesk: false, crm: false };

export interface SettingsRepository {
  modules(): Promise<ModuleSettings>;
  saveModules(modules: ModuleSettings): Promise<ModuleSettings>;
}

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  async modules(): Promise<ModuleSettings> {
    const row = this.select.get('modules');
    return { ...DEFAULT_MODULES, ...(row ? (JSON.parse(row.value) as Partial<ModuleSettings>) : {}) };
  }

  async saveModules(modules: ModuleSettings): Promise<ModuleSettings> {
    this.upsert.run('modules', JSON.stringify(modules));
    return modules;
  }
}
