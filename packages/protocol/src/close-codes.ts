// WebSocket close codes every side agrees on.

/** The server is shutting down to start again (RFC 6455's 1012): come back soon, without a long backoff. */
export const CLOSE_SERVICE_RESTART = 1012;

/** The session behind the socket ended (logout, a disabled operator, a visitor's reset): do not reconnect with it. */
export const CLOSE_SESSION_ENDED = 4001;

/** The site was archived, or no longer allows the page's origin: chat is not available on this page. */
export const CLOSE_NOT_AVAILABLE = 4004;

/**
 * Too many sockets for this visitor token, address or operator session: the newest is refused. Reconnect
 * only after a long wait (or once another tab closed); the reason says which limit.
 */
export const CLOSE_TOO_MANY_SOCKETS = 4029;
