// Turns keystrokes into few typing.set frames: active at most every 2 s, inactive after 3 s idle.

export const TYPING_REFRESH_MS = 2_000;
export const TYPING_IDLE_MS = 3_000;

export class TypingThrottle {
  private active = false;
  private lastSentAt = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly sendActive: (active: boolean) => void) {}

  /** The visitor typed something. */
  input(): void {
    const now = Date.now();
    if (!this.active || now - this.lastSentAt >= TYPING_REFRESH_MS) {
      this.active = true;
      this.lastSentAt = now;
      this.sendActive(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** The visitor sent, cleared the text or went idle. */
  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.active) return;
    this.active = false;
    this.sendActive(false);
  }

  /** The connection dropped: the server forgot the state, so forget it too without sending. */
  reset(): void {
    clearTimeout(this.idleTimer);
    this.active = false;
  }
}
