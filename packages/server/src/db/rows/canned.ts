// A canned response as both stores read it: its row, the columns selected for it and the response it stands for.

import type { CannedResponse } from '@livechat/protocol';

export interface CannedRow {
  id: string;
  shortcut: string;
  substitution: string;
  description: string;
  created_by: string;
  last_used_at: string | null;
  use_count: number;
  created_at: string;
  updated_at: string;
}

export const COLUMNS =
  'id, shortcut, substitution, description, created_by, last_used_at, use_count, created_at, updated_at';

export const cannedResponse = (row: CannedRow): CannedResponse => ({
  id: row.id,
  shortcut: row.shortcut,
  substitution: row.substitution,
  description: row.description,
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at,
  useCount: row.use_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
