-- Identity verification: a secret per site, known contacts keyed by the site's own user id,
-- several tokens per visitor (one per device), and custom attributes shown to operators.

-- 256 random bits, hex; the site's backend signs its user ids with it (HMAC-SHA256).
ALTER TABLE sites ADD COLUMN identity_secret TEXT;
UPDATE sites SET identity_secret = lower(hex(randomblob(32))) WHERE identity_secret IS NULL;
-- 1: identify() must carry a valid hash, and unverified names and emails are refused.
ALTER TABLE sites ADD COLUMN require_identity INTEGER NOT NULL DEFAULT 0 CHECK (require_identity IN (0, 1));

-- A visitor with an external id is the site's contact of that id: every device of that user
-- gets a token for this one row, so they share its conversation and page views.
ALTER TABLE visitors ADD COLUMN external_id TEXT;
-- JSON object of string values, set by the site through setAttributes().
ALTER TABLE visitors ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX visitors_by_external_id ON visitors (site_id, external_id) WHERE external_id IS NOT NULL;

-- visitors.token_hash keeps the first token of each visitor; lookups go through this table,
-- which starts with every existing token so widgets already in browsers keep working.
CREATE TABLE visitor_tokens (
  token_hash TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX visitor_tokens_by_visitor ON visitor_tokens (visitor_id);
INSERT INTO visitor_tokens (token_hash, visitor_id, created_at) SELECT token_hash, id, created_at FROM visitors;
