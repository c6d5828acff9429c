// Decides an upload's kind from its first bytes, and checks the name's extension against it.

import type { AttachmentKind } from '@livechat/protocol';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';

export interface FileKind {
  kind: AttachmentKind;
  mime: string;
}

interface Known extends FileKind {
  /** The name extensions that may carry these bytes. */
  extensions: string[];
}

/** By file-type's `ext`; anything it recognises that is not here (archives, programs) is refused. */
const BY_SIGNATURE: Record<string, Known> = {
  png: { kind: 'image', mime: 'image/png', extensions: ['png'] },
  jpg: { kind: 'image', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'] },
  gif: { kind: 'image', mime: 'image/gif', extensions: ['gif'] },
  webp: { kind: 'image', mime: 'image/webp', extensions: ['webp'] },
  avif: { kind: 'image', mime: 'image/avif', extensions: ['avif'] },
  heic: { kind: 'image', mime: 'image/heic', extensions: ['heic', 'heif'] },
  pdf: { kind: 'pdf', mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { kind: 'office', mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { kind: 'office', mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { kind: 'office', mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
};

/** Older Office files share one container format (file-type's `cfb`); the name tells which. */
const CFB_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Plain text has no signature: it is text when its bytes are UTF-8 with no control characters. */
const TEXT_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
};

/** C0 controls and DEL, except tab, line feed, form feed and carriage return, which text has. */
export const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;

function looksLikeText(head: Buffer): boolean {
  if (head.some(isControl)) return false;
  try {
    // stream: a character cut at the end of the head is no error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The name's extension, lower case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([^./\\]+)$/.exec(name);
  return match ? (match[1] as string).toLowerCase() : null;
}

function mismatch(ext: string, what: string): AppError {
  return new AppError('file_name_mismatch', `the file's bytes are ${what}, not what its name's .${ext} says`);
}

/**
 * The kind of the bytes whose start is `head`, among `allowed`. The browser's claimed type is never
 * asked; the name only has to agree with the bytes.
 */
export async function decideKind(head: Buffer, name: string, allowed: readonly AttachmentKind[]): Promise<FileKind> {
  const ext = extensionOf(name);
  const detected = await fileTypeFromBuffer(head);
  let found: FileKind;
  if (detected?.ext === 'cfb') {
    const mime = ext ? CFB_BY_EXTENSION[ext] : undefined;
    if (!mime) throw mismatch(ext ?? '', 'an Office 97–2003 document');
    found = { kind: 'office', mime };
  } else if (detected) {
    const known = BY_SIGNATURE[detected.ext];
    if (!known) throw new AppError('file_kind_refused', `files of type ${detected.mime} are not accepted`);
    if (ext && !known.extensions.includes(ext)) throw mismatch(ext, known.mime);
    found = { kind: known.kind, mime: known.mime };
  } else if (looksLikeText(head)) {
    if (ext && !TEXT_BY_EXTENSION[ext]) throw mismatch(ext, 'plain text');
    found = { kind: 'text', mime: (ext && TEXT_BY_EXTENSION[ext]) || 'text/plain' };
  } else {
    throw new AppError('file_kind_refused', 'files of this type are not accepted');
  }
  if (!allowed.includes(found.kind)) {
    throw new AppError('file_kind_refused', `${found.kind} files are not accepted on this site`);
  }
  return found;
}
