// Receives one multipart file: checks it while it streams to the store, and records it as an upload.

import type { AttachmentKind } from '@livechat/protocol';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { storedImageDimensions } from './dimensions.ts';
import { decideKind, type FileKind } from './kinds.ts';
import type { Upload, UploadOwner } from './repository.ts';
import type { FileStorage } from './storage.ts';

export interface UploadRules {
  maxBytes: number;
  kinds: readonly AttachmentKind[];
}

const MAX_NAME = 200;

/** The name shown and offered on download: no folders, no control characters, not too long. */
export function cleanName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const name = [...base]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim();
  return name.slice(0, MAX_NAME) || 'file';
}

/** Anything but our own refusals while reading the body means the upload did not arrive whole. */
function asRefusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('upload_incomplete', 'the upload was cut off before its end; nothing was stored');
}

export async function receiveUpload(
  deps: { store: Store; files: FileStorage },
  request: FastifyRequest,
  owner: UploadOwner,
  rules: UploadRules,
): Promise<Upload> {
  if (rules.kinds.length === 0) {
    throw new AppError('file_kind_refused', 'attachments are off on this site; nothing was stored');
  }
  if (!request.isMultipart()) {
    throw new AppError('bad_request', 'send the file as multipart/form-data');
  }
  const part = await request.file({ limits: { fileSize: rules.maxBytes, files: 1 } }).catch((error: unknown) => {
    throw asRefusal(error);
  });
  if (!part) throw new AppError('file_empty', 'the request carries no file');
  const name = cleanName(part.filename);
  let found: FileKind | undefined;
  const stored = await deps.files
    .put(part.file, async (head, size) => {
      // The parser ends a file at the limit and marks it truncated rather than failing the stream.
      if (part.file.truncated) {
        throw new AppError('file_too_large', `files are at most ${rules.maxBytes} bytes; nothing was stored`);
      }
      if (size === 0) throw new AppError('file_empty', 'the file is empty; nothing was stored');
      found = await decideKind(head, name, rules.kinds);
    })
    .catch((error: unknown) => {
      throw asRefusal(error);
    });
  if (!found) throw new AppError('internal', 'the file was stored without a kind');
  const dimensions = found.kind === 'image' ? await storedImageDimensions(deps.files, stored.hash) : null;
  try {
    return await deps.store.uploads.create({
      owner,
      name,
      hash: stored.hash,
      size: stored.size,
      ...found,
      ...dimensions,
    });
  } catch (error) {
    // The same bytes may be another upload's: only delete them when no record names them.
    if (!(await deps.store.uploads.hashInUse(stored.hash))) await deps.files.delete(stored.hash);
    throw error;
  }
}
