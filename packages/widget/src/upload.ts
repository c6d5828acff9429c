// Sends one file to POST /api/sites/:siteId/uploads with the visitor's token, reporting progress, after re-encoding
// a large image (or any JPEG, for its metadata) in the browser.

import type { Attachment, UploadCreated } from '@livechat/protocol';
import { ChatError } from './errors.ts';
import type { TokenSource } from './ui-contract.ts';
import { reencoding } from './upload-rules.ts';

export interface UploadTarget {
  origin: string;
  siteId: string;
  session: TokenSource;
}

/** The image drawn again at its re-encoded size, or the file itself when none is due (or it cannot be decoded). */
export async function prepared(file: File): Promise<File> {
  if (!file.type.startsWith('image/')) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const target = reencoding(file.type, bitmap.width, bitmap.height);
  if (!target) return file;
  const canvas = document.createElement('canvas');
  canvas.width = target.width;
  canvas.height = target.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, target.width, target.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, target.type, 0.9));
  return blob ? new File([blob], file.name, { type: target.type }) : file;
}

function send(target: UploadTarget, token: string, file: File, onProgress: (share: number) => void) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${target.origin}/api/sites/${encodeURIComponent(target.siteId)}/uploads`);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => resolve({ status: request.status, body: request.response });
    request.onerror = request.onabort = () => reject(new ChatError('network', 'the upload could not reach the server'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Uploads the file; rejects with the server's typed refusal (file_too_large, file_kind_refused, rate_limited…) or `network`. */
export async function upload(
  target: UploadTarget,
  file: File,
  onProgress: (share: number) => void,
): Promise<Attachment> {
  let token = await target.session.token();
  let answer = await send(target, token, file, onProgress);
  // A token the server no longer knows is renewed once, as the visitor's other requests do.
  if (answer.status === 401) {
    token = await target.session.renew(token);
    answer = await send(target, token, file, onProgress);
  }
  if (answer.status === 201) return (answer.body as UploadCreated).attachment;
  const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
  throw new ChatError(error?.code ?? `http_${answer.status}`, error?.message ?? `HTTP ${answer.status}`);
}
