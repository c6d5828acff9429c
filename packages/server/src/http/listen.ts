// How the server listens: one place for what main.ts and the bench both use.

/**
 * Connections the kernel holds for the server while it is busy accepting. Node's default (511)
 * overflows when thousands of widgets reconnect at once after a restart, and every attempt it
 * drops waits for TCP's own retry (1 s, then 3 s, 7 s …). The kernel caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;
