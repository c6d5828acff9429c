// Which operators are connected, on any node, for assignment, the operator list and the widget's team.

/**
 * How long a connection counts without a refresh: a node that dies without closing its connections
 * stops counting them after this. The gateway refreshes its own every 30 s, so three refreshes may
 * be missed before an operator who is still here drops out.
 */
export const PRESENCE_TTL_MS = 90_000;

/**
 * Operators online, counted per connection: an operator is online while one connection of theirs, on
 * any node, was added and neither removed nor left unrefreshed for longer than the TTL. Calls one
 * node makes take effect in the order it made them (a remove never overtakes its add).
 */
export interface Presence {
  /** A connection of the operator opened on this node; true when it brought them online. */
  add(operatorId: string, connectionId: string): Promise<boolean>;
  /** The connection closed; one never added, or already removed, changes nothing. */
  remove(operatorId: string, connectionId: string): Promise<void>;
  /** Counts this node's connections for another TTL, and counts again any that had expired. */
  refresh(): Promise<void>;
  isOnline(operatorId: string): Promise<boolean>;
  /** Each operator online, once. */
  online(): Promise<string[]>;
}
