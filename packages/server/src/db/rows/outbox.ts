// An outbox email as both stores read it: its row and the email it stands for.

import type { OutboxEmail, OutboxKind, OutboxStatus } from '@livechat/protocol';
import type { ClaimedEmail } from '../../mail/outbox.ts';

export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  conversation_id: string | null;
  to_address: string;
  from_name: string | null;
  reply_to: string | null;
  subject: string;
  text: string;
  created_at: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export const email = (row: OutboxRow): OutboxEmail => ({
  id: row.id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  text: row.text,
  createdAt: row.created_at,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  sentAt: row.sent_at,
});

/** What a worker that claimed the email needs to send it. */
export const claimed = (row: OutboxRow): ClaimedEmail => ({
  id: row.id,
  kind: row.kind,
  conversationId: row.conversation_id,
  to: row.to_address,
  subject: row.subject,
  text: row.text,
  fromName: row.from_name,
  replyTo: row.reply_to,
  attempts: row.attempts,
});
