// Files people attach to messages: what an upload answers and what a message carries.

/** The kinds a site may allow; each is decided from the file's bytes, never from its name. */
export const ATTACHMENT_KINDS = ['image', 'pdf', 'text', 'office'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The default largest upload, per site. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The largest `maxBytes` a site may choose. */
export const MAX_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/** The smallest `maxBytes` a site may choose. */
export const MIN_ATTACHMENT_MAX_BYTES = 1024;

/** The largest number of attachments one message carries. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Images whose longer side exceeds this are re-encoded in the browser before upload (which also drops their metadata). */
export const IMAGE_MAX_SIDE = 2560;

/** A site's rules for files (Settings → Sites). Applied to uploads by visitors and operators alike. */
export interface AttachmentSettings {
  /** Largest file in bytes, MIN_ATTACHMENT_MAX_BYTES … MAX_ATTACHMENT_MAX_BYTES (default 10 MB). */
  maxBytes: number;
  /** Kinds accepted, each at most once; empty turns attachments off for the site. */
  kinds: AttachmentKind[];
}

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = {
  maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
  kinds: [...ATTACHMENT_KINDS],
};

export interface Attachment {
  id: string;
  /** The file's name as the uploader gave it, for display and download only. */
  name: string;
  size: number;
  kind: AttachmentKind;
  /** The type read from the bytes (e.g. `image/png`). */
  mime: string;
  /** Pixel size, for images whose header the server could read. */
  width?: number;
  height?: number;
  /**
   * Where to fetch it, as a path on the chat server (resolve it against the server's base URL).
   * - Visitors: `/api/files/:id?expires=UNIX_SECONDS&sig=HEX`, signed for this attachment only and only
   *   for files of public messages; it expires after minutes. Every message the server sends again
   *   (welcome, sync, GET conversation) carries fresh ones, so a client holding an expired one re-reads.
   * - Operators: `/api/operator/files/:id`, which also requires the session and the right to read the
   *   conversation.
   * Absent in an upload's answer (the uploader previews its own copy).
   */
  url?: string;
}

/** The answer to `POST /api/sites/:siteId/uploads` and `POST /api/operator/uploads`. */
export interface UploadCreated {
  attachment: Attachment;
}

/*
 * Routes.
 *
 * POST /api/sites/:siteId/uploads (visitor bearer token, CORS like the widget's other routes) and
 * POST /api/operator/uploads (session): multipart/form-data with one file part → 201 UploadCreated.
 * A visitor's upload follows the site's AttachmentSettings; an operator's takes every kind up to
 * MAX_ATTACHMENT_MAX_BYTES (operators are signed in and answer on every site).
 * Refusals: 413 file_too_large, 415 file_kind_refused, 415 file_name_mismatch, 400 file_empty,
 * 400 upload_incomplete, 429 rate_limited (a visitor's uploads per hour).
 *
 * `message.send` with `attachmentIds`: each id must be an upload of the sender (the same visitor, or the
 * same operator) that no message has taken yet, else the whole frame is refused with
 * `attachment_refused` and nothing is stored. With attachments, the body (the caption) may be empty.
 *
 * GET /api/files/:attachmentId?expires=&sig= (no token, so that <img> and downloads work) → 200 the
 * bytes; 410 file_link_expired; 403 file_link_invalid (altered, or signed for another file); 404
 * not_found (the message is gone or no longer public).
 * GET /api/operator/files/:attachmentId (session) → 200; 404 not_found when the operator may not read
 * the conversation, so that notes' files stay with the operators who may read them.
 * Both answer with `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`, the type read
 * from the bytes, and `Content-Disposition: attachment` (with the file's name) for everything but images.
 */
