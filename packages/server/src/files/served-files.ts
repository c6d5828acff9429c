// Which attached file a request may fetch: one query each, with the message's visibility or the read rule in it.

import type { AttachmentKind } from '@livechat/protocol';
import type { Reader } from '../conversations/repository.ts';

/** An attached upload as a file response needs it. */
export interface ServedFile {
  id: string;
  hash: string;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
}

export interface ServedFileRepository {
  /** The file of a public message; null when unknown, unattached, in a note, or its message is gone. */
  ofPublicMessage(attachmentId: string): Promise<ServedFile | null>;
  /** The file of a message in a conversation the operator may read; null otherwise. */
  readableBy(reader: Reader, attachmentId: string): Promise<ServedFile | null>;
}
