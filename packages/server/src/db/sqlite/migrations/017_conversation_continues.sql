-- A visitor's email reply to a resolved conversation starts a new one that says which one it continues.

-- NULL for every conversation started in the widget; the old conversation itself never changes.
ALTER TABLE conversations ADD COLUMN previous_conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL;
