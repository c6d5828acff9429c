-- Every outgoing email goes through the outbox, retried with growing waits; what a visitor has read,
-- and how far their conversation's replies were emailed to them.

CREATE TABLE email_outbox_queue (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('mention', 'invite', 'password', 'reply', 'transcript')),
  -- The conversation a visitor's email (a reply, a transcript) is about; NULL for operators' emails.
  conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL,
  to_address TEXT NOT NULL,
  -- The display name of the sender (a site's name); NULL sends as MAIL_FROM.
  from_name TEXT,
  reply_to TEXT,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('kept', 'pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  -- While pending: when the next attempt is due, or until when the attempt under way holds it.
  next_attempt_at TEXT,
  sent_at TEXT
) STRICT;

-- Emails stored before the queue were kept because no SMTP server was configured.
INSERT INTO email_outbox_queue (id, kind, to_address, subject, text, created_at, status)
  SELECT id, 'mention', to_address, subject, text, created_at, 'kept' FROM email_outbox;
DROP TABLE email_outbox;
ALTER TABLE email_outbox_queue RENAME TO email_outbox;

CREATE INDEX email_outbox_by_time ON email_outbox (created_at);
CREATE INDEX email_outbox_by_status_time ON email_outbox (status, created_at);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending';
-- How many transcripts a visitor asked for lately.
CREATE INDEX email_outbox_by_conversation ON email_outbox (conversation_id, created_at)
  WHERE conversation_id IS NOT NULL;

-- The highest seq the visitor's open widget showed them; only moves forward.
ALTER TABLE conversations ADD COLUMN visitor_read_seq INTEGER NOT NULL DEFAULT 0;
-- Public operator replies up to this seq went to the visitor by email already.
ALTER TABLE conversations ADD COLUMN emailed_through_seq INTEGER NOT NULL DEFAULT 0;

-- The reply email job: operator replies older than the delay, newest days only.
CREATE INDEX messages_operator_replies_by_time ON messages (created_at)
  WHERE author_kind = 'operator' AND visibility = 'public';

-- Conversations from before count as emailed: an upgrade sends no burst of old replies.
UPDATE conversations SET emailed_through_seq =
  (SELECT coalesce(max(seq), 0) FROM messages WHERE messages.conversation_id = conversations.id);
