// Named locks within one process: a chain of promises per name; what one node needs, and SQLite's whole story.

import type { JobRepository } from './repository.ts';

export class InProcessJobs implements JobRepository {
  /** The last work queued under each name, settled either way; absent when nothing holds the name. */
  private readonly tails = new Map<string, Promise<void>>();

  exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    // The name is free again before the caller hears the result, so that its next `once` runs.
    const result = before.then(work).finally(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(name, tail);
    return result;
  }

  async once(name: string, work: () => Promise<void>): Promise<boolean> {
    // Checked and taken in one synchronous step: no other caller can slip in between.
    if (this.tails.has(name)) return false;
    await this.exclusive(name, work);
    return true;
  }
}
