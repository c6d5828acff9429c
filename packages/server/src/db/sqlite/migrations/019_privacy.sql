-- Privacy and accountability: when each login session was last used (the idle timeout), how long each
-- site keeps its conversations and page views, and the audit log of what admins did.

-- Touched at most once a minute; sessions from before count as used when they started.
ALTER TABLE operator_sessions ADD COLUMN last_used_at TEXT;
UPDATE operator_sessions SET last_used_at = created_at;
CREATE INDEX operator_sessions_by_last_use ON operator_sessions (last_used_at);

-- NULL keeps the data (the default); otherwise days, 1 to 3650.
ALTER TABLE sites ADD COLUMN retention_conversations_days INTEGER
  CHECK (retention_conversations_days IS NULL OR retention_conversations_days BETWEEN 1 AND 3650);
ALTER TABLE sites ADD COLUMN retention_page_views_days INTEGER
  CHECK (retention_page_views_days IS NULL OR retention_page_views_days BETWEEN 1 AND 3650);

-- The retention job: a visitor's page views older than a site's limit.
CREATE INDEX page_views_by_time ON page_views (viewed_at);

-- The rowid orders the log and is the page cursor; names are copied so that an entry still reads
-- the same after the admin or the site changed.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  actor_id TEXT REFERENCES operators (id) ON DELETE SET NULL,
  actor_name TEXT,
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('site', 'operator', 'visitor', 'modules')),
  target_id TEXT,
  target_label TEXT,
  details TEXT NOT NULL DEFAULT '{}' -- JSON object, never a secret's value
) STRICT;
