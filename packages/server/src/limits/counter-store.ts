// The counters behind every limit: fixed windows and gauges keyed by strings (`ip:…`, `token:…`,
// `session:…`). One node keeps them in memory (memory-counters.ts); several nodes would share a Redis one.

/** Where a fixed window stands after a hit, or when looked at. */
export interface WindowCount {
  count: number;
  /** Until the window ends and the count starts again from zero. */
  resetInMs: number;
}

export interface CounterStore {
  /** Counts one more hit in the window of `key`; a window starts at the first hit and lasts `windowMs`. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The window of `key` as it stands, without counting; null when none is running. */
  peek(key: string): Promise<WindowCount | null>;
  /** Forgets the window of `key` (a login that succeeded clears its failures). */
  reset(key: string): Promise<void>;
  /** Adds `delta` to the gauge of `key` (sockets held open) and returns its new value; at zero it is gone. */
  adjust(key: string, delta: number): Promise<number>;
  /**
   * Tells a store shared by nodes that this node still holds `held` of the gauge of `key`: a node's
   * share counts only for a while after its last change or hold, so one that died stops counting.
   * A store of one node has nothing to refresh.
   */
  hold?(key: string, held: number): Promise<void>;
}
