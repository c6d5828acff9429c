-- Attachments per site (Settings → Sites) and the pixel size of uploaded images.

-- Largest visitor upload in bytes (1 KB to 25 MB, default 10 MB) and the kinds visitors may attach, as a
-- JSON array of 'image', 'pdf', 'text', 'office'; an empty array turns visitors' attachments off.
ALTER TABLE sites ADD COLUMN attachment_max_bytes INTEGER NOT NULL DEFAULT 10485760
  CHECK (attachment_max_bytes BETWEEN 1024 AND 26214400);
ALTER TABLE sites ADD COLUMN attachment_kinds TEXT NOT NULL DEFAULT '["image","pdf","text","office"]'
  CHECK (json_valid(attachment_kinds) AND json_type(attachment_kinds) = 'array');

-- Both NULL when the upload is no image or its header could not be read.
ALTER TABLE uploads ADD COLUMN width INTEGER CHECK (width IS NULL OR width > 0);
ALTER TABLE uploads ADD COLUMN height INTEGER CHECK (height IS NULL OR height > 0);
