// Background work that must run once across every node sharing the store: hand-outs, closes, periodic passes.

/**
 * Named locks for work that two nodes must not do at the same time. A name is a job's
 * (`queue-hand-out`, `retention`) or, with a colon, one thing's (`close:<conversation id>`), which
 * leaves nothing behind once done. A work that holds a name must not ask for it again (it would wait
 * for itself).
 *
 * On PostgreSQL a holder keeps a transaction open for its whole `work`, and every query the work
 * makes joins it: its writes commit when it returns and roll back when it throws, and it holds one
 * pooled connection meanwhile. Keep the work short, publish what it did after it returns (others read
 * it only once committed), and start nothing from inside it that outlives it.
 */
export interface JobRepository {
  /**
   * Runs `work` once no other holder of `name`, on any node, runs; callers wait their turn (a
   * trigger that comes while another node works is not lost), each caller's own calls in the order
   * it made them. Resolves or rejects as `work` does; a throw releases the name.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` unless `name` is held somewhere already, in which case it resolves false at once: a
   * periodic pass that another node is doing needs no second one. True once `work` ran; rejects as
   * `work` does, releasing the name.
   */
  once(name: string, work: () => Promise<void>): Promise<boolean>;
}
