// Turns what the visitor has seen into few conversation.read frames: only forward, at most one a second.

export const READ_INTERVAL_MS = 1_000;

export class ReadThrottle {
  /** The highest seq the server has been told. */
  private sent = 0;
  private wanted = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `send` returns false when the frame could not go (not connected): it is tried again at flush(). */
  constructor(private readonly send: (seq: number) => boolean) {}

  /** The visitor has now seen up to `seq`. */
  seen(seq: number): void {
    if (seq <= Math.max(this.sent, this.wanted)) return;
    this.wanted = seq;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, READ_INTERVAL_MS);
  }

  /** Sends what is waiting now (after a reconnect's sync). */
  flush(): void {
    if (this.wanted > this.sent && this.timer === undefined && this.send(this.wanted)) this.sent = this.wanted;
  }

  /** Another conversation: its seqs start again from 1. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sent = this.wanted = 0;
  }
}
