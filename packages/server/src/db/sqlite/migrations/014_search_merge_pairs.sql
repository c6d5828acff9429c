-- The search index's quiet merges (search/quiet-merge.ts) merge a level of the index as soon as it
-- holds two segments instead of four (FTS5's usermerge): once the server has been quiet a moment,
-- each level keeps at most one, so a word is looked up in a handful of segments instead of dozens.
-- An operator's query looks up each of their conversations' keys in every segment: over a million
-- messages 26 segments after a bulk load, and after these merges its lookups cost about a quarter.
-- Only the 'merge' command reads this setting: what a message's own write merges (automerge) is
-- unchanged.
INSERT INTO conversation_search (conversation_search, rank) VALUES ('usermerge', 2);
