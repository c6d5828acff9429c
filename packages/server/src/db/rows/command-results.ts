// A command result as both stores read it: its row and the CommandResult it stands for.

import type { CommandResult } from '@livechat/protocol';
import { json } from './values.ts';

export interface ResultRow {
  id: string;
  conversation_id: string;
  operator_id: string;
  input: string;
  status: CommandResult['status'];
  /** JSON text in SQLite, parsed jsonb in PostgreSQL. */
  lines: string | CommandResult['lines'];
  created_at: string;
}

export const commandResult = (row: ResultRow): CommandResult => ({
  id: row.id,
  conversationId: row.conversation_id,
  operatorId: row.operator_id,
  input: row.input,
  status: row.status,
  lines: json<CommandResult['lines']>(row.lines),
  createdAt: row.created_at,
});
