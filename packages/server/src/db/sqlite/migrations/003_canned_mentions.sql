-- Canned responses, who was mentioned where, inbox notifications and the email outbox.

CREATE TABLE canned_responses (
  id TEXT PRIMARY KEY,
  shortcut TEXT NOT NULL,
  -- The shortcut lower-cased (Unicode, not only ASCII): what uniqueness is decided on.
  shortcut_key TEXT NOT NULL,
  substitution TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- No foreign key: a response outlives the account that wrote it.
  created_by TEXT NOT NULL,
  last_used_at TEXT,
  use_count INTEGER NOT NULL DEFAULT 0 CHECK (use_count >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX canned_responses_by_shortcut_key ON canned_responses (shortcut_key);

-- A mention lets that operator open that conversation even when it is not theirs.
CREATE TABLE conversation_mentions (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  first_message_id TEXT NOT NULL,
  mentioned_at TEXT NOT NULL,
  PRIMARY KEY (conversation_id, operator_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('mention')),
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  author_name TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
-- One notification per operator and message, however often the handler runs.
CREATE UNIQUE INDEX notifications_by_operator_message ON notifications (operator_id, message_id);
CREATE INDEX notifications_by_operator_newest ON notifications (operator_id, created_at);
CREATE INDEX notifications_unread_by_operator ON notifications (operator_id) WHERE read_at IS NULL;

-- Emails kept because no SMTP server is configured, for an admin to read.
CREATE TABLE email_outbox (
  id TEXT PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX email_outbox_by_time ON email_outbox (created_at);
