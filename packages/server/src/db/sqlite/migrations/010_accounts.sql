-- Accounts: invited and disabled operators, when each was last seen, and one-time links
-- (the first run's setup link, invites, password resets), kept after use so a refusal can say why.

ALTER TABLE operators ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'invited'));
ALTER TABLE operators ADD COLUMN disabled_at TEXT;
ALTER TABLE operators ADD COLUMN last_seen_at TEXT;

CREATE TABLE account_links (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('setup', 'invite', 'reset')),
  operator_id TEXT REFERENCES operators (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'used', 'replaced')),
  created_at TEXT NOT NULL,
  -- NULL for the setup link: it lasts until the next start replaces it.
  expires_at TEXT,
  CHECK ((kind = 'setup') = (operator_id IS NULL))
) STRICT;
CREATE INDEX account_links_pending_by_operator ON account_links (operator_id, state);
CREATE INDEX account_links_pending_by_kind ON account_links (kind, state);
