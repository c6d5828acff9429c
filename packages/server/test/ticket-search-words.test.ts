// Ticket search quotes each word it finds; with the index keeping no positions (detail=column), a
// quoted word that the index's tokenizer cuts in two would be a phrase, which FTS5 refuses. Every
// character that can end up inside a word is checked against the real tokenizer.

import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { ticketQuery } from '../src/db/sqlite/ticket-search.ts';

it('never makes a word that the search index would read as two', () => {
  const db = new Database(':memory:');
  // The tokenizer and detail of migration 007's tickets_fts.
  db.exec(`CREATE VIRTUAL TABLE words USING fts5 (
    body, tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4', detail = column)`);
  db.exec(`INSERT INTO words (body) VALUES ('lamp')`);
  const match = db.prepare('SELECT count(*) AS n FROM words WHERE words MATCH ?');
  const refused: string[] = [];
  let kept = 0;
  for (let codePoint = 0x21; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const character = String.fromCodePoint(codePoint);
    const { exact } = ticketQuery(`a${character}b`);
    // Cut apart by the query already: two words, each a token of its own.
    if (exact !== `"a${character}b"`) continue;
    kept++;
    try {
      match.get(exact);
    } catch (error) {
      refused.push(`U+${codePoint.toString(16)}: ${(error as Error).message}`);
    }
  }
  db.close();
  // Letters and digits of every script, and the private use planes.
  expect(kept).toBeGreaterThan(250_000);
  expect(refused.slice(0, 10)).toEqual([]);
});

it('splits words where the index does', () => {
  expect(ticketQuery('café_bar  naïve').exact).toBe('"café" "bar" "naïve"');
  expect(ticketQuery('#42').number).toBe(42);
  expect(ticketQuery('"OR" *').exact).toBe('"OR"');
});
