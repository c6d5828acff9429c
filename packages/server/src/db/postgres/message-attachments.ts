// Uploads as messages' attachments in PostgreSQL: checked and taken inside the message's own transaction,
// and read for a whole batch of messages in one query per conversation.

import type { Attachment } from '@livechat/protocol';
import { AppError } from '../../errors.ts';
import type { Sender } from '../../files/repository.ts';
import type { PgDb } from './connection.ts';
import { type AttachmentRow, type OwnerRow, attachment, ownedBy } from '../rows/message-attachments.ts';

export class MessageAttachments {
  constructor(private readonly db: PgDb) {}

  /**
   * Throws `attachment_refused` naming the first id that is unknown, someone else's, already taken, or
   * given twice. With `clientId`, an upload the sender's own message of that client id took passes:
   * that send again is answered with the message.
   */
  async check(sender: Sender | null, ids: readonly string[], clientId: string | null = null): Promise<void> {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw refused(id, 'is given twice');
      seen.add(id);
      const row = await this.db.one<OwnerRow>(
        `SELECT u.owner_visitor_id, u.owner_operator_id, u.site_id, u.message_id, m.client_id AS taken_by
         FROM uploads u LEFT JOIN messages m ON m.conversation_id = u.conversation_id AND m.id = u.message_id
         WHERE u.id = $1`,
        [id],
      );
      if (!row || !ownedBy(row, sender)) throw refused(id, 'is not one of your uploads');
      const resent = clientId !== null && row.taken_by === clientId;
      if (row.message_id !== null && !resent) throw refused(id, 'is attached to another message already');
    }
  }

  /**
   * Gives the (checked) uploads to the message, inside the same transaction as its insert. The update
   * locks the upload's row: a send on another node taking the same upload waits, then finds it taken.
   */
  async attach(messageId: string, conversationId: string, ids: readonly string[]): Promise<void> {
    for (const [position, id] of ids.entries()) {
      const taken = await this.db.run(
        `UPDATE uploads SET message_id = $1, conversation_id = $2, position = $3
         WHERE id = $4 AND message_id IS NULL`,
        [messageId, conversationId, position, id],
      );
      if (taken !== 1) throw refused(id, 'is attached to another message already');
    }
  }

  /** Each message's attachments, by message id; messages without any are absent. One query per conversation. */
  async of(messages: ReadonlyArray<{ id: string; conversationId: string }>): Promise<Map<string, Attachment[]>> {
    const byMessage = new Map<string, Attachment[]>();
    const byConversation = new Map<string, string[]>();
    for (const { id, conversationId } of messages) {
      const ids = byConversation.get(conversationId);
      if (ids) ids.push(id);
      else byConversation.set(conversationId, [id]);
    }
    for (const [conversationId, ids] of byConversation) {
      const rows = await this.db.query<AttachmentRow>(
        `SELECT u.id, u.message_id, u.name, u.size, u.kind, u.mime, u.width, u.height FROM uploads u
         WHERE u.conversation_id = $1 AND u.message_id = ANY($2::text[]) ORDER BY u.position, u.id`,
        [conversationId, ids],
      );
      for (const row of rows) {
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
