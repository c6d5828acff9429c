// Command results in PostgreSQL, kept for the operator who ran them.

import type { CommandResult } from '@livechat/protocol';
import type { CommandResultRepository } from '../../commands/repository.ts';
import type { PgDb } from './connection.ts';
import { commandResult, type ResultRow } from '../rows/command-results.ts';

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
    return rows.map(commandResult);
  }
}
