// The team's canned responses, kept in step with the server, and their suggestion index.

import { batch, computed, signal } from '@preact/signals';
import type { CannedResponse } from '@livechat/protocol';
import { indexCanned } from '../composer/canned-filter.ts';

export class CannedStore {
  readonly byId = signal<ReadonlyMap<string, CannedResponse>>(new Map());
  readonly loaded = signal(false);
  /** Rebuilt once per change, so filtering on each keystroke stays a single scan. */
  readonly index = computed(() => indexCanned(this.byId.value.values()));
  /** For the settings page: alphabetical by shortcut. */
  readonly alphabetical = computed(() =>
    [...this.byId.value.values()].sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
  );

  set(responses: readonly CannedResponse[]): void {
    batch(() => {
      this.byId.value = new Map(responses.map((response) => [response.id, response]));
      this.loaded.value = true;
    });
  }

  upsert(response: CannedResponse): void {
    const current = this.byId.value.get(response.id);
    // Live frames and HTTP answers can cross: never go back to an older version.
    if (current && current.updatedAt > response.updatedAt && current.useCount >= response.useCount) return;
    const next = new Map(this.byId.value);
    next.set(response.id, response);
    this.byId.value = next;
  }

  remove(id: string): void {
    if (!this.byId.value.has(id)) return;
    const next = new Map(this.byId.value);
    next.delete(id);
    this.byId.value = next;
  }

  reset(): void {
    batch(() => {
      this.byId.value = new Map();
      this.loaded.value = false;
    });
  }
}
