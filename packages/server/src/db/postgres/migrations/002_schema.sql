-- The schema SQLite reached through its migrations 001 to 022, in PostgreSQL's own types: times are
-- timestamptz, flags boolean, JSON jsonb. The search index lives in 003.

CREATE TABLE sites (
  id text PRIMARY KEY,
  name text NOT NULL,
  allowed_origins jsonb NOT NULL DEFAULT '[]', -- array of exact origins
  created_at timestamptz NOT NULL,
  identity_secret text,
  require_identity boolean NOT NULL DEFAULT false,
  archived_at timestamptz,
  widget_color text CHECK (widget_color IS NULL OR widget_color ~ '^#([0-9a-f]{3}|[0-9a-f]{6})$'),
  widget_position text NOT NULL DEFAULT 'right' CHECK (widget_position IN ('left', 'right')),
  widget_title text,
  widget_greeting text,
  widget_locale text CHECK (widget_locale IS NULL OR widget_locale IN ('en', 'fr', 'ar')),
  queue_alert_seconds integer NOT NULL DEFAULT 120 CHECK (queue_alert_seconds BETWEEN 1 AND 3600),
  working_hours text, -- JSON, as the site's form gives it
  away_message text,
  prechat_name text NOT NULL DEFAULT 'off' CHECK (prechat_name IN ('off', 'optional', 'required')),
  prechat_email text NOT NULL DEFAULT 'off' CHECK (prechat_email IN ('off', 'optional', 'required')),
  retention_conversations_days integer
    CHECK (retention_conversations_days IS NULL OR retention_conversations_days BETWEEN 1 AND 3650),
  retention_page_views_days integer
    CHECK (retention_page_views_days IS NULL OR retention_page_views_days BETWEEN 1 AND 3650),
  attachment_max_bytes integer NOT NULL DEFAULT 10485760 CHECK (attachment_max_bytes BETWEEN 1024 AND 26214400),
  attachment_kinds jsonb NOT NULL DEFAULT '["image","pdf","text","office"]'
    CHECK (jsonb_typeof(attachment_kinds) = 'array')
);

CREATE TABLE operators (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'operator')),
  notify text NOT NULL DEFAULT 'inbox' CHECK (notify IN ('inbox', 'email')),
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'invited')),
  disabled_at timestamptz,
  last_seen_at timestamptz,
  availability text NOT NULL DEFAULT 'online' CHECK (availability IN ('online', 'away')),
  capacity integer NOT NULL DEFAULT 5 CHECK (capacity BETWEEN 1 AND 50),
  alert_sound boolean NOT NULL DEFAULT true,
  alert_desktop boolean NOT NULL DEFAULT true
);

-- One account per address, whatever its case.
CREATE UNIQUE INDEX operators_by_email ON operators (lower(email));

CREATE TABLE operator_sessions (
  token_hash text PRIMARY KEY,
  operator_id text NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz
);

CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);
CREATE INDEX operator_sessions_by_last_use ON operator_sessions (last_used_at);

CREATE TABLE account_links (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('setup', 'invite', 'reset')),
  operator_id text REFERENCES operators (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'used', 'replaced')),
  created_at timestamptz NOT NULL,
  -- NULL for the setup link: it lasts until the next start replaces it.
  expires_at timestamptz,
  CHECK ((kind = 'setup') = (operator_id IS NULL))
);

CREATE INDEX account_links_pending_by_operator ON account_links (operator_id, state);
CREATE INDEX account_links_pending_by_kind ON account_links (kind, state);

CREATE TABLE visitors (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  name text,
  email text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  external_id text,
  attributes jsonb NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX visitors_by_token ON visitors (token_hash);
CREATE UNIQUE INDEX visitors_by_external_id ON visitors (site_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE visitor_tokens (
  token_hash text PRIMARY KEY,
  visitor_id text NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);

CREATE INDEX visitor_tokens_by_visitor ON visitor_tokens (visitor_id);

CREATE TABLE page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visitor_id text NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  url text NOT NULL,
  title text NOT NULL,
  referrer text NOT NULL,
  viewed_at timestamptz NOT NULL
);

CREATE INDEX page_views_by_visitor ON page_views (visitor_id, id);
CREATE INDEX page_views_by_time ON page_views (viewed_at);

CREATE TABLE conversations (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  visitor_id text NOT NULL REFERENCES visitors (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  assigned_operator_id text REFERENCES operators (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  queued_at timestamptz,
  queue_alerted_at timestamptz,
  visitor_read_seq integer NOT NULL DEFAULT 0,
  emailed_through_seq integer NOT NULL DEFAULT 0,
  previous_conversation_id text REFERENCES conversations (id) ON DELETE SET NULL,
  -- The seq of the newest message. An append takes the next one with UPDATE … RETURNING, whose row
  -- lock makes two nodes appending to one conversation wait for each other instead of racing.
  last_seq integer NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations (site_id, visitor_id) WHERE status = 'open';
CREATE INDEX conversations_by_status ON conversations (status);
CREATE INDEX conversations_queued_oldest ON conversations (queued_at, id)
  WHERE status = 'open' AND assigned_operator_id IS NULL;
CREATE INDEX conversations_queued ON conversations (status) WHERE assigned_operator_id IS NULL;
CREATE INDEX conversations_resolved_newest ON conversations (updated_at, id) WHERE status = 'closed';
CREATE INDEX conversations_by_visitor_newest ON conversations (visitor_id, created_at);
CREATE INDEX conversations_by_site_newest ON conversations (site_id, created_at);
CREATE INDEX conversations_by_created ON conversations (created_at);
CREATE INDEX conversations_by_closed ON conversations (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX conversations_by_assignee ON conversations (assigned_operator_id) WHERE status = 'open';

CREATE TABLE conversation_members (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id text NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  joined_at timestamptz NOT NULL,
  last_read_seq integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  left_at timestamptz,
  PRIMARY KEY (conversation_id, operator_id)
);

CREATE INDEX conversation_members_by_operator ON conversation_members (operator_id, active);

CREATE TABLE messages (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  id text NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('visitor', 'operator', 'system')),
  author_id text,
  author_name text NOT NULL,
  body text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'operator')),
  client_id text,
  created_at timestamptz NOT NULL,
  system_event text CHECK (system_event IS NULL OR system_event IN ('joined', 'resolved', 'ended', 'transferred')),
  PRIMARY KEY (conversation_id, seq)
);

-- NULLS NOT DISTINCT: a system line's NULL author still makes its client id unique (SQLite's IS does the same).
CREATE UNIQUE INDEX messages_by_client_id ON messages (conversation_id, author_kind, author_id, client_id)
  NULLS NOT DISTINCT WHERE client_id IS NOT NULL;
CREATE INDEX messages_operator_replies_by_time ON messages (created_at)
  WHERE author_kind = 'operator' AND visibility = 'public';
CREATE INDEX messages_of_visitor_by_client_id ON messages (author_id, client_id)
  WHERE author_kind = 'visitor' AND client_id IS NOT NULL;

CREATE TABLE conversation_ratings (
  conversation_id text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  value text NOT NULL CHECK (value IN ('good', 'okay', 'bad')),
  comment text,
  created_at timestamptz NOT NULL
);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE helpdesk_teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  sequence integer NOT NULL DEFAULT 10,
  livechat_enabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);

CREATE INDEX helpdesk_teams_by_livechat_priority ON helpdesk_teams (livechat_enabled, sequence, created_at);

CREATE TABLE tickets (
  number integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL,
  customer_name text,
  customer_email text,
  team_id text NOT NULL REFERENCES helpdesk_teams (id),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'solved')),
  conversation_id text REFERENCES conversations (id) ON DELETE SET NULL,
  created_by text NOT NULL REFERENCES operators (id),
  created_at timestamptz NOT NULL
);

CREATE INDEX tickets_by_team ON tickets (team_id);

CREATE TABLE leads (
  id text PRIMARY KEY,
  title text NOT NULL,
  internal_notes text NOT NULL,
  source text NOT NULL DEFAULT 'Livechat',
  contact_name text,
  contact_email text,
  conversation_id text REFERENCES conversations (id) ON DELETE SET NULL,
  created_by text NOT NULL REFERENCES operators (id),
  created_at timestamptz NOT NULL
);

CREATE INDEX leads_by_time ON leads (created_at);

CREATE TABLE command_results (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id text NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  input text NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'usage', 'error')),
  lines jsonb NOT NULL, -- array of { text, href?, meta? }
  created_at timestamptz NOT NULL,
  -- The order results were stored in, for two of one millisecond (SQLite's rowid).
  position bigint GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX command_results_by_conversation_operator ON command_results (conversation_id, operator_id, created_at, position);

CREATE TABLE canned_responses (
  id text PRIMARY KEY,
  shortcut text NOT NULL,
  -- The shortcut lower-cased (Unicode, not only ASCII): what uniqueness is decided on.
  shortcut_key text NOT NULL,
  substitution text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- No foreign key: a response outlives the account that wrote it.
  created_by text NOT NULL,
  last_used_at timestamptz,
  use_count integer NOT NULL DEFAULT 0 CHECK (use_count >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX canned_responses_by_shortcut_key ON canned_responses (shortcut_key);

CREATE TABLE conversation_mentions (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  operator_id text NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  first_message_id text NOT NULL,
  mentioned_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, operator_id)
);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  operator_id text NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('mention', 'assigned')),
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_seq integer NOT NULL,
  message_id text NOT NULL,
  author_name text NOT NULL,
  excerpt text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  -- The order notifications were made in, for two of one millisecond (SQLite's rowid).
  position bigint GENERATED ALWAYS AS IDENTITY,
  FOREIGN KEY (conversation_id, message_seq) REFERENCES messages (conversation_id, seq) ON DELETE CASCADE
);

CREATE UNIQUE INDEX notifications_by_operator_message ON notifications (operator_id, message_id);
CREATE INDEX notifications_by_operator_newest ON notifications (operator_id, created_at, position);
CREATE INDEX notifications_unread_by_operator ON notifications (operator_id) WHERE read_at IS NULL;
CREATE INDEX notifications_unread_mentions_by_operator ON notifications (operator_id, conversation_id)
  WHERE kind = 'mention' AND read_at IS NULL;

CREATE TABLE email_outbox (
  id text PRIMARY KEY,
  -- The order emails were stored in, which SQLite's rowid gives: ties between equal created_at times.
  added bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('mention', 'invite', 'password', 'reply', 'transcript')),
  -- The conversation a visitor's email (a reply, a transcript) is about; NULL for operators' emails.
  conversation_id text REFERENCES conversations (id) ON DELETE SET NULL,
  to_address text NOT NULL,
  -- The display name of the sender (a site's name); NULL sends as MAIL_FROM.
  from_name text,
  reply_to text,
  subject text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('kept', 'pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- While pending: when the next attempt is due, or until when the attempt under way holds it.
  next_attempt_at timestamptz,
  sent_at timestamptz
);

CREATE INDEX email_outbox_by_time ON email_outbox (created_at, added);
CREATE INDEX email_outbox_by_status_time ON email_outbox (status, created_at, added);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX email_outbox_by_conversation ON email_outbox (conversation_id, created_at)
  WHERE conversation_id IS NOT NULL;

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id text REFERENCES operators (id) ON DELETE SET NULL,
  actor_name text,
  action text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('site', 'operator', 'visitor', 'modules')),
  target_id text,
  target_label text,
  details jsonb NOT NULL DEFAULT '{}' -- never a secret's value
);

CREATE TABLE uploads (
  id text PRIMARY KEY,
  site_id text REFERENCES sites (id) ON DELETE CASCADE,
  hash text NOT NULL CHECK (length(hash) = 64),
  name text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  mime text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'pdf', 'text', 'office')),
  owner_visitor_id text REFERENCES visitors (id) ON DELETE CASCADE,
  owner_operator_id text REFERENCES operators (id) ON DELETE CASCADE,
  conversation_id text REFERENCES conversations (id) ON DELETE CASCADE,
  message_id text,
  created_at timestamptz NOT NULL,
  width integer CHECK (width IS NULL OR width > 0),
  height integer CHECK (height IS NULL OR height > 0),
  position integer CHECK (position IS NULL OR position >= 0),
  CHECK ((owner_visitor_id IS NULL) <> (owner_operator_id IS NULL))
);

CREATE INDEX uploads_by_hash ON uploads (hash);
CREATE INDEX uploads_by_message ON uploads (conversation_id, message_id);
CREATE INDEX uploads_unattached_by_time ON uploads (created_at) WHERE message_id IS NULL;
CREATE INDEX uploads_by_visitor ON uploads (owner_visitor_id);
