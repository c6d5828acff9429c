// Presence in this process's memory: it serves one node only. Several instances over one shared table
// stand for several nodes, which is how the contract tests them.

import { PRESENCE_TTL_MS, type Presence } from '../presence.ts';

/** Operator → connection → when it stops counting (ms). */
export type PresenceTable = Map<string, Map<string, number>>;

export interface MemoryPresenceOptions {
  /** Shared by the instances that stand for nodes of one deployment; a fresh one by default. */
  table?: PresenceTable;
  ttlMs?: number;
  /** Milliseconds now; tests move it instead of waiting. */
  clock?: () => number;
}

export class MemoryPresence implements Presence {
  private readonly table: PresenceTable;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /** This node's connections, refreshed by refresh(): connection → operator. */
  private readonly local = new Map<string, string>();

  constructor(options: MemoryPresenceOptions = {}) {
    this.table = options.table ?? new Map();
    this.ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
    this.clock = options.clock ?? Date.now;
  }

  // The methods change the table before they return, so calls take effect in the order they were made.

  async add(operatorId: string, connectionId: string): Promise<boolean> {
    const cameOnline = !this.counts(operatorId);
    this.local.set(connectionId, operatorId);
    this.keep(operatorId, connectionId);
    return cameOnline;
  }

  async remove(operatorId: string, connectionId: string): Promise<void> {
    this.local.delete(connectionId);
    const connections = this.table.get(operatorId);
    connections?.delete(connectionId);
    if (connections?.size === 0) this.table.delete(operatorId);
  }

  async refresh(): Promise<void> {
    for (const [connectionId, operatorId] of this.local) this.keep(operatorId, connectionId);
  }

  async isOnline(operatorId: string): Promise<boolean> {
    return this.counts(operatorId);
  }

  async online(): Promise<string[]> {
    return [...this.table.keys()].filter((operatorId) => this.counts(operatorId));
  }

  private keep(operatorId: string, connectionId: string): void {
    let connections = this.table.get(operatorId);
    if (!connections) this.table.set(operatorId, (connections = new Map()));
    connections.set(connectionId, this.clock() + this.ttlMs);
  }

  /** Whether a connection of the operator still counts; expired ones are forgotten on the way. */
  private counts(operatorId: string): boolean {
    const connections = this.table.get(operatorId);
    if (!connections) return false;
    const now = this.clock();
    for (const [connectionId, expiresAt] of connections) {
      if (expiresAt <= now) connections.delete(connectionId);
    }
    if (connections.size === 0) this.table.delete(operatorId);
    return connections.size > 0;
  }
}
