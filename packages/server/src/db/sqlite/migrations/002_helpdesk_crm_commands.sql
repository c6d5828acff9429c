-- Module switches, helpdesk teams and tickets (with full-text search), CRM leads, command results,
-- and operators who left a conversation.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

CREATE TABLE helpdesk_teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 10,
  livechat_enabled INTEGER NOT NULL DEFAULT 0 CHECK (livechat_enabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX helpdesk_teams_by_livechat_priority ON helpdesk_teams (livechat_enabled, sequence, created_at);

CREATE TABLE tickets (
  number INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  customer_name TEXT,
  customer_email TEXT,
  team_id TEXT NOT NULL REFERENCES helpdesk_teams (id),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'solved')),
  conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL,
  created_by TEXT NOT NULL REFERENCES operators (id),
  created_at TEXT NOT NULL
) STRICT;

-- Full-text index over what /search_tickets looks in; accents folded, kept in step by triggers.
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
  title, description, customer_name, customer_email,
  content = 'tickets', content_rowid = 'number',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO tickets_fts (rowid, title, description, customer_name, customer_email)
  VALUES (new.number, new.title, new.description, new.customer_name, new.customer_email);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO tickets_fts (tickets_fts, rowid, title, description, customer_name, customer_email)
  VALUES ('delete', old.number, old.title, old.description, old.customer_name, old.customer_email);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE ON tickets BEGIN
  INSERT INTO tickets_fts (tickets_fts, rowid, title, description, customer_name, customer_email)
  VALUES ('delete', old.number, old.title, old.description, old.customer_name, old.customer_email);
  INSERT INTO tickets_fts (rowid, title, description, customer_name, customer_email)
  VALUES (new.number, new.title, new.description, new.customer_name, new.customer_email);
END;

CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  internal_notes TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'Livechat',
  contact_name TEXT,
  contact_email TEXT,
  conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL,
  created_by TEXT NOT NULL REFERENCES operators (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX leads_by_time ON leads (created_at);

-- What commands answered, kept for the operator who ran them only.
CREATE TABLE command_results (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  input TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'usage', 'error')),
  lines TEXT NOT NULL, -- JSON array of { text, href?, meta? }
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX command_results_by_conversation_operator ON command_results (conversation_id, operator_id, created_at);

-- An operator who used /leave no longer sees the conversation, even while it waits in the queue.
ALTER TABLE conversation_members ADD COLUMN left_at TEXT;
