// Command results in PostgreSQL, kept for the operator who ran them.

import type { CommandResult } from '@livechat/protocol';
import type { CommandResultRepository } from '../../commands/repository.ts';
import type { PgDb } from './connection.ts';

interface ResultRow {
  id: string;
  conversation_id: string;
  operator_id: string;
  input: string;
  status: CommandResult['status'];
  lines: CommandResult['lines'];
  created_at: string;
}

export class PostgresCommandResultRepository implements CommandResultRepository {
  constructor(private readonly db: PgDb) {}

  /** Inside the caller's transaction when there is one (see command-writes.ts). */
  async save(result: CommandResult): Promise<void> {
    await this.db.run(
      `INSERT INTO command_results (id, conversation_id, operator_id, input, status, lines, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [
        result.id,
        result.conversationId,
        result.operatorId,
        result.input,
        result.status,
        JSON.stringify(result.lines),
        result.createdAt,
      ],
    );
  }

  async list(conversationId: string, operatorId: string): Promise<CommandResult[]> {
    const rows = await this.db.query<ResultRow>(
      `SELECT id, conversation_id, operator_id, input, status, lines, created_at FROM command_results
       WHERE conversation_id = $1 AND operator_id = $2 ORDER BY created_at, position`,
      [conversationId, operatorId],
    );
    return rows.map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      operatorId: row.operator_id,
      input: row.input,
      status: row.status,
      lines: row.lines,
      createdAt: row.created_at,
    }));
  }
}
