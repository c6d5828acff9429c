// Admin settings stored as JSON values by key: module switches for now.

import type { ModuleSettings } from '@livechat/protocol';

export const DEFAULT_MODULES: ModuleSettings = { helpdesk: false, crm: false };

export interface SettingsRepository {
  modules(): Promise<ModuleSettings>;
  saveModules(modules: ModuleSettings): Promise<ModuleSettings>;
  /** A server-wide signing key (256 random bits), made on first use and the same on every node after. */
  signingKey(name: string): Promise<Buffer>;
}
