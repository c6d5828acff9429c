-- Attachments' bytes, where every node reads them: one row per SHA-256, so the same bytes are kept once.
CREATE TABLE file_bytes (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL CHECK (octet_length(bytes) = size),
  stored_at timestamptz NOT NULL DEFAULT now()
);

-- Images and archives are compressed already, and uncompressed out-of-line values let a reader take
-- one slice at a time (substring) without PostgreSQL decompressing the whole file for each.
ALTER TABLE file_bytes ALTER COLUMN bytes SET STORAGE EXTERNAL;
