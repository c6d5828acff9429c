// Which operators are connected right now (this process), for assignment and the operator list.

export class Presence {
  private readonly connections = new Map<string, number>();

  add(operatorId: string): void {
    this.connections.set(operatorId, (this.connections.get(operatorId) ?? 0) + 1);
  }

  remove(operatorId: string): void {
    const count = (this.connections.get(operatorId) ?? 0) - 1;
    if (count > 0) this.connections.set(operatorId, count);
    else this.connections.delete(operatorId);
  }

  isOnline(operatorId: string): boolean {
    return this.connections.has(operatorId);
  }

  online(): string[] {
    return [...this.connections.keys()];
  }
}
