// Typed application errors: a code shared with clients, a message for people, an HTTP status.

import type { ErrorCode } from '@livechat/protocol';

const STATUS: Record<ErrorCode, number> = {
  bad_json: 400,
  bad_frame: 400,
  bad_request: 400,
  unknown_type: 400,
  frame_too_large: 413,
  invalid_id: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  identity_invalid: 403,
  bad_origin: 403,
  conflict: 409,
  rate_limited: 429,
  command_unknown: 400,
  command_unavailable: 400,
  token_invalid: 410,
  last_admin: 409,
  bad_origin_format: 400,
  file_too_large: 413,
  file_kind_refused: 415,
  file_name_mismatch: 415,
  file_empty: 400,
  upload_incomplete: 400,
  attachment_refused: 400,
  file_link_expired: 410,
  file_link_invalid: 403,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

/** Over a limit: HTTP answers 429 with `Retry-After`, a socket an `error` frame with `retryAfterMs`. */
export class RateLimited extends AppError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super('rate_limited', message);
    // At least a second: Retry-After counts whole seconds, and "0" would invite an instant retry.
    this.retryAfterMs = Math.max(1000, Math.ceil(retryAfterMs));
  }
}
