-- Search over conversations (FTS5): public messages and internal notes, and the visitor's name and
-- email, kept in step by triggers in the transaction of each write and filled from what exists.

-- A small number per conversation. Its token ("k" and the number) in the index's `conversation`
-- column lets one FTS5 query ask for words within the conversations an operator may read, and
-- finds a conversation's rows when it goes.
CREATE TABLE conversation_search_keys (
  key INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  visitor_id TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX conversation_search_keys_by_conversation ON conversation_search_keys (conversation_id);
CREATE INDEX conversation_search_keys_by_visitor ON conversation_search_keys (visitor_id);

-- The queue, for search's question "which conversations may this operator read": open ones with
-- nobody assigned (join and leave keep the assignee among the active members). Without it, every
-- open conversation was read to find the few in the queue: 12 ms with 10,000 open.
CREATE INDEX conversations_queued ON conversations (status) WHERE assigned_operator_id IS NULL;

-- Contentless: the text stays in messages and visitors only, the index keeps words and which
-- column they are in (detail=column: search asks for words and prefixes, never phrases). A row is
-- a message (`body`, its seq) or a conversation's visitor (`visitor`, seq NULL). Rowids grow with
-- each write, so newest first is the index's own order read backwards.
-- Beware when remaking it: SQLite 3.53 leaves `conversation_search_content` behind when a
-- contentless table with contentless_unindexed is dropped, and refuses to drop it (defensive
-- mode), so a new index needs a new name.
CREATE VIRTUAL TABLE conversation_search USING fts5 (
  body, visitor, conversation,
  key UNINDEXED, seq UNINDEXED,
  content = '', contentless_delete = 1, contentless_unindexed = 1,
  detail = column,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 4'
);

-- The key that makes search cursors opaque: a cursor must not tell how many rows other
-- conversations wrote between two results.
CREATE TABLE search_cursor_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL
) STRICT;
INSERT INTO search_cursor_secret (id, secret) VALUES (1, randomblob(32));

-- What is there already, oldest first so that the rowids follow time.
INSERT INTO conversation_search_keys (conversation_id, visitor_id)
  SELECT id, visitor_id FROM conversations ORDER BY created_at, id;
INSERT INTO conversation_search (rowid, body, visitor, conversation, key, seq)
  SELECT NULL, body, visitor, 'k' || key, key, seq FROM (
    SELECT m.body AS body, NULL AS visitor, k.key AS key, m.seq AS seq, m.created_at AS at
    FROM messages m JOIN conversation_search_keys k ON k.conversation_id = m.conversation_id
    WHERE m.author_kind <> 'system'
    UNION ALL
    SELECT NULL, trim(coalesce(v.name, '') || ' ' || coalesce(v.email, '')), k.key, NULL, c.created_at
    FROM conversation_search_keys k JOIN conversations c ON c.id = k.conversation_id JOIN visitors v ON v.id = k.visitor_id
    WHERE v.name IS NOT NULL OR v.email IS NOT NULL
  ) ORDER BY at, key, seq;

-- System lines ("Alice joined") are not what anyone searches for. Command results are in a table
-- of their own and never reach this index.
CREATE TRIGGER conversation_search_message AFTER INSERT ON messages WHEN NEW.author_kind <> 'system'
BEGIN
  INSERT INTO conversation_search (body, conversation, key, seq)
    SELECT NEW.body, 'k' || key, key, NEW.seq FROM conversation_search_keys WHERE conversation_id = NEW.conversation_id;
END;

CREATE TRIGGER conversation_search_conversation AFTER INSERT ON conversations
BEGIN
  INSERT INTO conversation_search_keys (conversation_id, visitor_id) VALUES (NEW.id, NEW.visitor_id);
  INSERT INTO conversation_search (visitor, conversation, key)
    SELECT trim(coalesce(v.name, '') || ' ' || coalesce(v.email, '')), 'k' || k.key, k.key
    FROM visitors v JOIN conversation_search_keys k ON k.conversation_id = NEW.id
    WHERE v.id = NEW.visitor_id AND (v.name IS NOT NULL OR v.email IS NOT NULL);
END;

-- A new name or email replaces the visitor's row in each of their conversations.
CREATE TRIGGER conversation_search_visitor AFTER UPDATE OF name, email ON visitors
  WHEN NEW.name IS NOT OLD.name OR NEW.email IS NOT OLD.email
BEGIN
  DELETE FROM conversation_search WHERE rowid IN (
    SELECT s.rowid FROM conversation_search_keys k JOIN conversation_search s
    WHERE k.visitor_id = NEW.id AND s.conversation_search MATCH ('conversation : k' || k.key) AND s.seq IS NULL);
  INSERT INTO conversation_search (visitor, conversation, key)
    SELECT trim(coalesce(NEW.name, '') || ' ' || coalesce(NEW.email, '')), 'k' || k.key, k.key
    FROM conversation_search_keys k WHERE k.visitor_id = NEW.id AND (NEW.name IS NOT NULL OR NEW.email IS NOT NULL)
    ORDER BY k.key;
END;

-- Nothing deletes conversations or messages today; when something does, the index forgets them too.
CREATE TRIGGER conversation_search_conversation_gone BEFORE DELETE ON conversations
BEGIN
  DELETE FROM conversation_search WHERE rowid IN (
    SELECT s.rowid FROM conversation_search_keys k JOIN conversation_search s
    WHERE k.conversation_id = OLD.id AND s.conversation_search MATCH ('conversation : k' || k.key));
END;
CREATE TRIGGER conversation_search_message_gone AFTER DELETE ON messages
BEGIN
  DELETE FROM conversation_search WHERE rowid IN (
    SELECT s.rowid FROM conversation_search_keys k JOIN conversation_search s
    WHERE k.conversation_id = OLD.conversation_id AND s.conversation_search MATCH ('conversation : k' || k.key)
      AND s.seq = OLD.seq);
END;
