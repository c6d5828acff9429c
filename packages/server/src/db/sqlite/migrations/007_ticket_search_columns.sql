-- Ticket search keeps which columns a word is in, not where in them (FTS5 detail=column). Search
-- only ever asks for words and prefixes, never phrases, and the positions were most of what a
-- ticket wrote: a ticket with a 1,000-message transcript wrote about 76 pages, now about 32.
-- FTS5 options cannot be altered, so the index is made again and rebuilt from the tickets.

DROP TABLE tickets_fts;
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
  title, description, customer_name, customer_email,
  content = 'tickets', content_rowid = 'number',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 4',
  detail = column
);
INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');
