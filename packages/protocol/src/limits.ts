// Sizes and lengths every side agrees on.

/** Default maximum size of one WebSocket frame, in bytes (configurable on the server). */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
/** Maximum length of a message body, in characters. */
export const MAX_BODY_LENGTH = 4000;
/** Maximum length of a client-chosen id (frame id, message client id). */
export const MAX_CLIENT_ID_LENGTH = 64;
/** Maximum lengths of a recorded page view's fields. */
export const MAX_URL_LENGTH = 2048;
export const MAX_TITLE_LENGTH = 300;
