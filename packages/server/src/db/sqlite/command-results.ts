// Command results in SQLite, kept for the operator who ran them.

import type { CommandResult } from '@livechat/protocol';
import type { CommandResultRepository } from '../../commands/repository.ts';
import type { Db } from './connection.ts';
import { commandResult, type ResultRow } from '../rows/command-results.ts';

export class SqliteCommandResultRepository implements CommandResultRepository {
  private readonly insertRow;
  private readonly select;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO command_results (id, conversation_id, operator_id, input, status, lines, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.select = db.prepare<[string, string], ResultRow>(
      `SELECT id, conversation_id, operator_id, input, status, lines, created_at FROM command_results
       WHERE conversation_id = ? AND operator_id = ? ORDER BY created_at, rowid`,
    );
  }

  async save(result: CommandResult): Promise<void> {
    this.insert(result);
  }

  /** Inserts at once, inside the caller's transaction when there is one (see command-writes.ts). */
  insert(result: CommandResult): void {
    this.insertRow.run(
      result.id,
      result.conversationId,
      result.operatorId,
      result.input,
      result.status,
      JSON.stringify(result.lines),
      result.createdAt,
    );
  }

  async list(conversationId: string, operatorId: string): Promise<CommandResult[]> {
    return this.select.all(conversationId, operatorId).map(commandResult);
  }
}
