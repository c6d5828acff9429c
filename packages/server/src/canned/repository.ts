// Canned responses: shortcuts unique whatever their case, and how often each was used.

import type { CannedResponse, CannedResponseInput } from '@livechat/protocol';

export interface CannedResponseRepository {
  /** Every canned response, by shortcut; the composer filters and ranks them client-side. */
  list(): Promise<CannedResponse[]>;
  byId(id: string): Promise<CannedResponse | null>;
  byShortcut(shortcut: string): Promise<CannedResponse | null>;
  /** Null when another response already has the shortcut (in any case). */
  create(input: CannedResponseInput, createdBy: string): Promise<CannedResponse | null>;
  /** `conflict` when the new shortcut belongs to another response, `missing` when there is no such id. */
  update(id: string, patch: Partial<CannedResponseInput>): Promise<CannedResponse | 'conflict' | 'missing'>;
  delete(id: string): Promise<boolean>;
  /** Counts one use of each existing id (each once, however often listed) and returns them updated. */
  recordUse(ids: readonly string[]): Promise<CannedResponse[]>;
}

/** What uniqueness is decided on: "Hello" and "hello" (and "HÉLLO" and "héllo") are the same shortcut. */
export const shortcutKey = (shortcut: string): string => shortcut.normalize('NFC').toLowerCase();
