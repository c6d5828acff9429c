// Sends one file to POST /api/operator/uploads with the session cookie, reporting progress as it goes.

import type { ErrorCode, UploadCreated } from '@livechat/protocol';
import { retryAfterMs, tooManyRequestsText } from '../state/rate-limits.ts';
import { ApiError, unauthorized } from './http.ts';

export interface UploadHandle {
  done: Promise<UploadCreated>;
  cancel(): void;
}

/** What sends a file: the browser's XMLHttpRequest here, another in tests that draw the composer. */
export type Uploader = (file: File, onProgress: (fraction: number) => void) => UploadHandle;

export const UPLOAD_PATH = '/api/operator/uploads';

/** XMLHttpRequest rather than fetch: only it reports how much of a request body has gone. */
export const xhrUploader: Uploader = (file, onProgress) => {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadCreated>((resolve, reject) => {
    xhr.open('POST', UPLOAD_PATH);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        resolve(xhr.response as UploadCreated);
        return;
      }
      reject(refusal(xhr));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.'));
    xhr.onabort = () => reject(new ApiError(0, 'network', 'Upload cancelled.'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
};

/** The server's typed refusal (`file_too_large`, `file_kind_refused`…), read like any other API error. */
function refusal(xhr: XMLHttpRequest): ApiError {
  if (xhr.status === 429) {
    const wait = retryAfterMs(xhr.getResponseHeader('retry-after'));
    return new ApiError(429, 'rate_limited', tooManyRequestsText(wait), wait);
  }
  if (xhr.status === 401) unauthorized();
  const payload: unknown = xhr.response;
  const error =
    typeof payload === 'object' && payload !== null && 'error' in payload && typeof payload.error === 'object'
      ? (payload.error as { code?: unknown; message?: unknown } | null)
      : null;
  const code = typeof error?.code === 'string' ? (error.code as ErrorCode) : 'internal';
  const message = typeof error?.message === 'string' ? error.message : `Upload failed (${xhr.status}).`;
  return new ApiError(xhr.status, code, message);
}
