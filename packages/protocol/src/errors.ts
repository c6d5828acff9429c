// Error codes shared by server and clients, for socket error frames and HTTP error bodies.

export const ERROR_CODES = [
  'bad_json',
  'bad_frame',
  'unknown_type',
  'frame_too_large',
  'invalid_id',
  'not_found',
  'unauthorized',
  'forbidden',
  /** identify() without a valid hash on a site that requires one, or with a wrong hash. */
  'identity_invalid',
  'bad_origin',
  'conflict',
  'rate_limited',
  'command_unknown',
  'command_unavailable',
  'bad_request',
  /** A setup, invite or reset link that is unknown, used, replaced by a newer one, or expired. */
  'token_invalid',
  /** The change would leave no active admin. */
  'last_admin',
  /** An allowed origin that is not exactly `scheme://host[:port]`. */
  'bad_origin_format',
  /** An upload larger than the site allows. */
  'file_too_large',
  /** An upload whose bytes are of a kind the site does not take. */
  'file_kind_refused',
  /** An upload whose bytes are not what its name's extension says. */
  'file_name_mismatch',
  /** An upload with no bytes, or a request with no file. */
  'file_empty',
  /** An upload cut off before its end. */
  'upload_incomplete',
  /** `attachmentIds` naming an upload that is unknown, someone else's, or already sent with a message. */
  'attachment_refused',
  /** A signed file link past its time. */
  'file_link_expired',
  /** A signed file link that was altered or signed for another file. */
  'file_link_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every HTTP error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
