// The uploads table: who uploaded which file, under what name, and (later) which message carries it.

import type { Attachment, AttachmentKind } from '@livechat/protocol';

/** Exactly one of a visitor or an operator uploaded it. */
export type UploadOwner =
  | { kind: 'visitor'; visitorId: string; siteId: string }
  | { kind: 'operator'; operatorId: string };

/** Who sends a message, and on which site, as far as their uploads are concerned. */
export type Sender = UploadOwner;

export interface NewUpload {
  owner: UploadOwner;
  hash: string;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  /** Pixel size of an image whose header could be read. */
  width?: number;
  height?: number;
}

export interface Upload extends Attachment {
  hash: string;
  owner: UploadOwner;
  messageId: string | null;
  createdAt: string;
}

export interface UploadRepository {
  create(upload: NewUpload): Promise<Upload>;
  byId(id: string): Promise<Upload | null>;
  /** Whether any upload still names these bytes. */
  hashInUse(hash: string): Promise<boolean>;
  /** Removes the uploads no message took that were made before `cutoff`; returns the hashes no upload names any more. */
  removeUnattachedBefore(cutoff: string): Promise<string[]>;
}
