// Uploads as messages' attachments: checked and taken inside the message's own transaction, and read
// for a whole batch of messages in one query.

import type { Attachment } from '@livechat/protocol';
import { AppError } from '../../errors.ts';
import type { Sender } from '../../files/repository.ts';
import type { Db } from './connection.ts';
import { type AttachmentRow, type OwnerRow, attachment, ownedBy } from '../rows/message-attachments.ts';

export class MessageAttachments {
  private readonly selectOwner;
  private readonly take;
  private readonly selectOf;

  constructor(db: Db) {
    this.selectOwner = db.prepare<[string], OwnerRow>(
      `SELECT u.owner_visitor_id, u.owner_operator_id, u.site_id, u.message_id, m.client_id AS taken_by
       FROM uploads u LEFT JOIN messages m ON m.conversation_id = u.conversation_id AND m.id = u.message_id
       WHERE u.id = ?`,
    );
    this.take = db.prepare<{ id: string; messageId: string; conversationId: string; position: number }>(
      `UPDATE uploads SET message_id = @messageId, conversation_id = @conversationId, position = @position
       WHERE id = @id AND message_id IS NULL`,
    );
    // One query for a batch of a conversation's messages (a seek in uploads_by_message), in the sender's order.
    this.selectOf = db.prepare<[string, string], AttachmentRow>(
      `SELECT u.* FROM uploads u WHERE u.conversation_id = ? AND u.message_id IN (SELECT value FROM json_each(?))
       ORDER BY u.position, u.rowid`,
    );
  }

  /**
   * Throws `attachment_refused` naming the first id that is unknown, someone else's, already taken, or
   * given twice. Synchronous, so that it runs inside the message's transaction. With `clientId`, an upload
   * the sender's own message of that client id took passes: that send again is answered with the message.
   */
  check(sender: Sender | null, ids: readonly string[], clientId: string | null = null): void {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw refused(id, 'is given twice');
      seen.add(id);
      const row = this.selectOwner.get(id);
      if (!row || !ownedBy(row, sender)) throw refused(id, 'is not one of your uploads');
      const resent = clientId !== null && row.taken_by === clientId;
      if (row.message_id !== null && !resent) throw refused(id, 'is attached to another message already');
    }
  }

  /** Gives the (checked) uploads to the message, inside the same transaction as its insert. */
  attach(messageId: string, conversationId: string, ids: readonly string[]): void {
    for (const [position, id] of ids.entries()) {
      if (this.take.run({ id, messageId, conversationId, position }).changes !== 1) {
        throw refused(id, 'is attached to another message already');
      }
    }
  }

  /** Each message's attachments, by message id; messages without any are absent. One query per conversation. */
  of(messages: ReadonlyArray<{ id: string; conversationId: string }>): Map<string, Attachment[]> {
    const byMessage = new Map<string, Attachment[]>();
    const byConversation = new Map<string, string[]>();
    for (const { id, conversationId } of messages) {
      const ids = byConversation.get(conversationId);
      if (ids) ids.push(id);
      else byConversation.set(conversationId, [id]);
    }
    for (const [conversationId, ids] of byConversation) {
      for (const row of this.selectOf.all(conversationId, JSON.stringify(ids))) {
        const list = byMessage.get(row.message_id);
        if (list) list.push(attachment(row));
        else byMessage.set(row.message_id, [attachment(row)]);
      }
    }
    return byMessage;
  }
}

function refused(id: string, why: string): AppError {
  return new AppError('attachment_refused', `attachment ${id} ${why}; nothing was sent`);
}
