// Files people attach to messages: what an upload answers and what a message carries.

/** The kinds a site may allow; each is decided from the file's bytes, never from its name. */
export const ATTACHMENT_KINDS = ['image', 'pdf', 'text', 'office'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The default largest upload, per site. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The largest number of attachments one message carries. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

export interface Attachment {
  id: string;
  /** The file's name as the uploader gave it, for display and download only. */
  name: string;
  size: number;
  kind: AttachmentKind;
  /** The type read from the bytes (e.g. `image/png`). */
  mime: string;
  width?: number;
  height?: number;
  /** Where to fetch it; for visitors a signed URL that expires. */
  url?: string;
}

/** The answer to `POST /api/sites/:siteId/uploads` and `POST /api/operator/uploads`. */
export interface UploadCreated {
  attachment: Attachment;
}
