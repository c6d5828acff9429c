-- A message shows its files in the order the sender put them, not in the order their uploads finished.
ALTER TABLE uploads ADD COLUMN position INTEGER CHECK (position IS NULL OR position >= 0);
