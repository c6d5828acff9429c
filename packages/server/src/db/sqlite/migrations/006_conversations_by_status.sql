-- Every message moves its conversation's updated_at; indexed, that moved an index entry too, one
-- more page written (and synced) per message. Lists of open conversations are short enough to sort.

DROP INDEX conversations_by_status;
CREATE INDEX conversations_by_status ON conversations (status);
