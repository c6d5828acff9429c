-- Search over tickets and conversations with PostgreSQL's text search: words with their diacritics
-- removed, in the 'simple' configuration (no stemming: a prefix means what it says), in GIN indexes.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- The text as search compares it: without diacritics, punctuation as spaces. PostgreSQL's parser would
-- keep "ada@example.com" or "a-b" as one token, where SQLite's index (and the words of a query,
-- search/query.ts) split them. IMMUTABLE, which unaccent() is not declared to be, so that generated
-- columns and indexes may use it: the dictionary is named, and changes only with the extension. A
-- standard SQL body is bound when it is created, so it finds unaccent in whichever schema holds it
-- then, and no search_path at query time changes what it calls.
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(unaccent('unaccent'::regdictionary, $1), '[[:punct:]]+', ' ', 'g');

CREATE FUNCTION search_words(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('pg_catalog.simple'::regconfig, coalesce(search_fold($1), ''));

-- Every word must match, each as a whole word or, where `prefixes` says so, as the beginning of a
-- longer one. Each word is quoted here, so that what people type is never tsquery syntax.
CREATE FUNCTION search_query(words text[], prefixes boolean[]) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (
    SELECT to_tsquery('pg_catalog.simple'::regconfig,
      coalesce(string_agg(quote_literal(search_fold(w)) || CASE WHEN p THEN ':*' ELSE '' END, ' & ' ORDER BY i), ''))
    FROM unnest(words, prefixes) WITH ORDINALITY AS term (w, p, i)
  );

-- Tickets: the words of their title, description and customer, kept by PostgreSQL itself.
ALTER TABLE tickets ADD COLUMN words tsvector GENERATED ALWAYS AS (search_words(
  title || ' ' || description || ' ' || coalesce(customer_name, '') || ' ' || coalesce(customer_email, '')
)) STORED;
CREATE INDEX tickets_by_words ON tickets USING gin (words);

-- A small number per conversation: the operator's readable conversations are asked for as keys
-- (search/repository.ts), as in SQLite.
CREATE TABLE conversation_search_keys (
  key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  visitor_id text NOT NULL
);
CREATE UNIQUE INDEX conversation_search_keys_by_conversation ON conversation_search_keys (conversation_id);
CREATE INDEX conversation_search_keys_by_visitor ON conversation_search_keys (visitor_id);

-- A row is a message (its seq) or a conversation's visitor, name and email (seq NULL). Only the
-- words are kept: the text stays in messages and visitors. Positions grow with each write, so newest
-- first is the order of positions read backwards.
CREATE TABLE conversation_search (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key integer NOT NULL REFERENCES conversation_search_keys (key) ON DELETE CASCADE,
  seq integer,
  words tsvector NOT NULL
);
CREATE INDEX conversation_search_by_words ON conversation_search USING gin (words);
CREATE INDEX conversation_search_by_key ON conversation_search (key, seq);

-- The key that makes search cursors opaque: a cursor must not tell how many rows other
-- conversations wrote between two results. gen_random_uuid() is PostgreSQL's strong random source.
CREATE TABLE search_cursor_secret (
  id integer PRIMARY KEY CHECK (id = 1),
  secret bytea NOT NULL
);
INSERT INTO search_cursor_secret (id, secret)
  VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- The index is kept by triggers in the transaction of each write, so that nothing else writes it and
-- every node's writes reach it. System lines ("Alice joined") are not what anyone searches for.
CREATE FUNCTION conversation_search_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_search (key, seq, words)
    SELECT key, NEW.seq, search_words(NEW.body) FROM conversation_search_keys WHERE conversation_id = NEW.conversation_id;
  RETURN NULL;
END $$;
CREATE TRIGGER conversation_search_message AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.author_kind <> 'system') EXECUTE FUNCTION conversation_search_message();

CREATE FUNCTION conversation_search_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_search_keys (conversation_id, visitor_id) VALUES (NEW.id, NEW.visitor_id);
  INSERT INTO conversation_search (key, words)
    SELECT k.key, search_words(concat_ws(' ', v.name, v.email))
    FROM visitors v JOIN conversation_search_keys k ON k.conversation_id = NEW.id
    WHERE v.id = NEW.visitor_id AND (v.name IS NOT NULL OR v.email IS NOT NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER conversation_search_conversation AFTER INSERT ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversation_search_conversation();

-- A new name or email replaces the visitor's row in each of their conversations.
CREATE FUNCTION conversation_search_visitor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM conversation_search s USING conversation_search_keys k
    WHERE k.visitor_id = NEW.id AND s.key = k.key AND s.seq IS NULL;
  INSERT INTO conversation_search (key, words)
    SELECT k.key, search_words(concat_ws(' ', NEW.name, NEW.email))
    FROM conversation_search_keys k WHERE k.visitor_id = NEW.id AND (NEW.name IS NOT NULL OR NEW.email IS NOT NULL)
    ORDER BY k.key;
  RETURN NULL;
END $$;
CREATE TRIGGER conversation_search_visitor AFTER UPDATE OF name, email ON visitors
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.email IS DISTINCT FROM OLD.email)
  EXECUTE FUNCTION conversation_search_visitor();

-- A deleted conversation takes its key and rows with it (ON DELETE CASCADE); a deleted message its row.
CREATE FUNCTION conversation_search_message_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM conversation_search s USING conversation_search_keys k
    WHERE k.conversation_id = OLD.conversation_id AND s.key = k.key AND s.seq = OLD.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER conversation_search_message_gone AFTER DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION conversation_search_message_gone();

-- What is there already, oldest first so that the positions follow time.
INSERT INTO conversation_search_keys (conversation_id, visitor_id)
  SELECT id, visitor_id FROM conversations ORDER BY created_at, id;
INSERT INTO conversation_search (key, seq, words)
  SELECT key, seq, words FROM (
    SELECT k.key, m.seq, search_words(m.body) AS words, m.created_at AS at
    FROM messages m JOIN conversation_search_keys k ON k.conversation_id = m.conversation_id
    WHERE m.author_kind <> 'system'
    UNION ALL
    SELECT k.key, NULL, search_words(concat_ws(' ', v.name, v.email)), c.created_at
    FROM conversation_search_keys k JOIN conversations c ON c.id = k.conversation_id JOIN visitors v ON v.id = k.visitor_id
    WHERE v.name IS NOT NULL OR v.email IS NOT NULL
  ) existing ORDER BY at, key, seq;
