-- The pre-chat form per site: whether the widget asks the visitor's name and email before the first message.

ALTER TABLE sites ADD COLUMN prechat_name TEXT NOT NULL DEFAULT 'off'
  CHECK (prechat_name IN ('off', 'optional', 'required'));
ALTER TABLE sites ADD COLUMN prechat_email TEXT NOT NULL DEFAULT 'off'
  CHECK (prechat_email IN ('off', 'optional', 'required'));
