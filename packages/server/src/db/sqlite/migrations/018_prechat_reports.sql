-- The pre-chat form per site (whether the widget asks the name and email first), and the indexes reports read.

ALTER TABLE sites ADD COLUMN prechat_name TEXT NOT NULL DEFAULT 'off'
  CHECK (prechat_name IN ('off', 'optional', 'required'));
ALTER TABLE sites ADD COLUMN prechat_email TEXT NOT NULL DEFAULT 'off'
  CHECK (prechat_email IN ('off', 'optional', 'required'));

-- Reports: the conversations started, and those closed, in the last 7 or 30 days.
CREATE INDEX conversations_by_created ON conversations (created_at);
CREATE INDEX conversations_by_closed ON conversations (closed_at) WHERE closed_at IS NOT NULL;
