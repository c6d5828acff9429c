-- Sites, operators, visitors, conversations, messages and page views.

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]', -- JSON array of exact origins
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
  notify TEXT NOT NULL DEFAULT 'inbox' CHECK (notify IN ('inbox', 'email')),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX operators_by_email ON operators (email COLLATE NOCASE);

CREATE TABLE operator_sessions (
  token_hash TEXT PRIMARY KEY,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL,
  name TEXT,
  email TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX visitors_by_token ON visitors (token_hash);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  visitor_id TEXT NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  assigned_operator_id TEXT REFERENCES operators (id) ON DELETE SET NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- One open conversation per visitor and site, even under concurrent first messages.
CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations (site_id, visitor_id) WHERE status = 'open';
CREATE INDEX conversations_by_status ON conversations (status, updated_at);

CREATE TABLE conversation_members (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  joined_at TEXT NOT NULL,
  last_read_seq INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  PRIMARY KEY (conversation_id, operator_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_members_by_operator ON conversation_members (operator_id, active);

CREATE TABLE messages (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('visitor', 'operator', 'system')),
  author_id TEXT,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'operator')),
  client_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX messages_by_id ON messages (id);
-- Resending the same client id never stores a second message.
CREATE UNIQUE INDEX messages_by_client_id ON messages (conversation_id, author_kind, author_id, client_id)
  WHERE client_id IS NOT NULL;

CREATE TABLE page_views (
  id INTEGER PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  referrer TEXT NOT NULL,
  viewed_at TEXT NOT NULL
) STRICT;
CREATE INDEX page_views_by_visitor ON page_views (visitor_id, id);
