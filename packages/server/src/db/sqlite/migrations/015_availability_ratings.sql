-- When nobody answers: a site's working hours and away message, and the visitor's rating of a closed conversation.

-- JSON {timeZone, spans}; NULL is the default: always open, in UTC.
ALTER TABLE sites ADD COLUMN working_hours TEXT;
-- NULL: the widget's own text.
ALTER TABLE sites ADD COLUMN away_message TEXT;

-- One rating per conversation: rating again replaces it.
CREATE TABLE conversation_ratings (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  value TEXT NOT NULL CHECK (value IN ('good', 'okay', 'bad')),
  comment TEXT,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The site's median first response: its conversations of the last days.
CREATE INDEX conversations_by_site_newest ON conversations (site_id, created_at);
