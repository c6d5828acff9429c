-- Attachments: each upload names its file by content hash; the bytes live in DATA_DIR/files.

-- Owned by exactly one visitor or one operator; message_id stays NULL until a message carries it,
-- and unattached uploads are removed after a day (uploads_unattached_by_time).
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  site_id TEXT REFERENCES sites (id) ON DELETE CASCADE,
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  name TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf', 'text', 'office')),
  owner_visitor_id TEXT REFERENCES visitors (id) ON DELETE CASCADE,
  owner_operator_id TEXT REFERENCES operators (id) ON DELETE CASCADE,
  conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
  message_id TEXT,
  created_at TEXT NOT NULL,
  CHECK ((owner_visitor_id IS NULL) <> (owner_operator_id IS NULL))
) STRICT;

-- Whether a file's bytes are still used by any upload before they are deleted.
CREATE INDEX uploads_by_hash ON uploads (hash);
CREATE INDEX uploads_by_message ON uploads (conversation_id, message_id);
CREATE INDEX uploads_unattached_by_time ON uploads (created_at) WHERE message_id IS NULL;
CREATE INDEX uploads_by_visitor ON uploads (owner_visitor_id);
