-- A message id is random, so its unique index took a write to a page of its own with every
-- message: WAL pages per message 5.7 -> 4.3, commit time down by about a sixth. Nothing looks a
-- message up by id but the foreign key of mention notifications, which now points at the
-- message's primary key (conversation, seq). The table is made again to change its key, rowids
-- kept (its newest-first order breaks ties by them).

CREATE TABLE notifications_new (
  id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('mention')),
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_seq INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  FOREIGN KEY (conversation_id, message_seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE
) STRICT;
INSERT INTO notifications_new (rowid, id, operator_id, kind, conversation_id, message_seq, message_id, author_name,
  excerpt, created_at, read_at)
  SELECT n.rowid, n.id, n.operator_id, n.kind, n.conversation_id, m.seq, n.message_id, n.author_name, n.excerpt,
    n.created_at, n.read_at
  FROM notifications n JOIN messages m ON m.id = n.message_id;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
-- One notification per operator and message, however often the handler runs.
CREATE UNIQUE INDEX notifications_by_operator_message ON notifications (operator_id, message_id);
CREATE INDEX notifications_by_operator_newest ON notifications (operator_id, created_at);
CREATE INDEX notifications_unread_by_operator ON notifications (operator_id) WHERE read_at IS NULL;

DROP INDEX messages_by_id;
