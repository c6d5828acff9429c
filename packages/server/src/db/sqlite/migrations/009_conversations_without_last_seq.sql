-- Every message rewrote its conversation's row (the next seq and the last activity): one more page
-- written and synced per message, on a page of its own. The next seq now comes from the messages'
-- primary key, whose last entry the insert touches anyway, and the last activity is the later of
-- the conversation's own changes (assignment, members) and its last message.

ALTER TABLE conversations DROP COLUMN last_seq;
