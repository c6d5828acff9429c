-- The inbox: conversations end (resolved or ended by the visitor) and wait in a queue that is
-- handed out; system lines carry their event; operators choose online or away, have a capacity
-- and alert preferences; sites say how long a queued conversation may wait before everyone is
-- alerted again; an operator is notified when a conversation is assigned to them.

-- What a system line says happened ('joined', 'resolved', 'ended', 'transferred'); NULL for other lines.
ALTER TABLE messages ADD COLUMN system_event TEXT
  CHECK (system_event IS NULL OR system_event IN ('joined', 'resolved', 'ended', 'transferred'));

ALTER TABLE conversations ADD COLUMN closed_at TEXT;
-- When it last started waiting in the queue, and whether that wait was alerted already.
ALTER TABLE conversations ADD COLUMN queued_at TEXT;
ALTER TABLE conversations ADD COLUMN queue_alerted_at TEXT;
UPDATE conversations SET queued_at = created_at WHERE status = 'open' AND assigned_operator_id IS NULL;
UPDATE conversations SET closed_at = updated_at WHERE status = 'closed';

-- The queue hand-out and the queue alert: oldest waiting first.
CREATE INDEX conversations_queued_oldest ON conversations (queued_at, id)
  WHERE status = 'open' AND assigned_operator_id IS NULL;
-- The Resolved view, newest first (a closed conversation gets no more messages: its row's time is its last activity).
CREATE INDEX conversations_resolved_newest ON conversations (updated_at, id) WHERE status = 'closed';
-- A visitor's past conversations, newest first.
CREATE INDEX conversations_by_visitor_newest ON conversations (visitor_id, created_at);

ALTER TABLE operators ADD COLUMN availability TEXT NOT NULL DEFAULT 'online' CHECK (availability IN ('online', 'away'));
ALTER TABLE operators ADD COLUMN capacity INTEGER NOT NULL DEFAULT 5 CHECK (capacity BETWEEN 1 AND 50);
ALTER TABLE operators ADD COLUMN alert_sound INTEGER NOT NULL DEFAULT 1 CHECK (alert_sound IN (0, 1));
ALTER TABLE operators ADD COLUMN alert_desktop INTEGER NOT NULL DEFAULT 1 CHECK (alert_desktop IN (0, 1));

-- The server's configuration may allow shorter waits (tests); admins are held to 30–3600 at the edge.
ALTER TABLE sites ADD COLUMN queue_alert_seconds INTEGER NOT NULL DEFAULT 120
  CHECK (queue_alert_seconds BETWEEN 1 AND 3600);

-- A notification's kind is checked: the table is made again to allow `assigned`, rowids kept.
CREATE TABLE notifications_new (
  id TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('mention', 'assigned')),
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
  SELECT rowid, id, operator_id, kind, conversation_id, message_seq, message_id, author_name, excerpt, created_at, read_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE UNIQUE INDEX notifications_by_operator_message ON notifications (operator_id, message_id);
CREATE INDEX notifications_by_operator_newest ON notifications (operator_id, created_at);
CREATE INDEX notifications_unread_by_operator ON notifications (operator_id) WHERE read_at IS NULL;
-- The Mentions view and its count.
CREATE INDEX notifications_unread_mentions_by_operator ON notifications (operator_id, conversation_id)
  WHERE kind = 'mention' AND read_at IS NULL;
