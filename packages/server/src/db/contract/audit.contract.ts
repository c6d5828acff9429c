// The contract for the audit log: entries kept as recorded, read newest first a page at a time.

import { describe, expect, it } from 'vitest';
import type { NewAuditEntry } from '../../privacy/audit-repository.ts';
import type { Store } from '../store.ts';
import { anOperator, freshStore, type OpenStore } from './fixtures.ts';

const renamed = (label: string): NewAuditEntry => ({
  actor: null,
  action: 'site.updated',
  target: { kind: 'site', id: 'site-1', label },
});

/** Every entry, page after page, as the admin's list loads them. */
async function allPages(store: Store, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let before: number | null = null;
  do {
    const page = await store.audit.page(before, limit);
    pages.push(page.entries.map((e) => e.target.label ?? ''));
    before = page.next;
  } while (before !== null);
  return pages;
}

export function auditContract(open: OpenStore): void {
  describe('audit log', () => {
    const store = freshStore(open);

    it('keeps who did what to what, and the details', async () => {
      const olga = await anOperator(store(), 'Olga', 'admin');
      const recorded = await store().audit.record({
        actor: { id: olga.id, name: olga.name },
        action: 'operator.role_changed',
        target: { kind: 'operator', id: 'op-2', label: 'Piet' },
        details: { before: 'operator', after: 'admin', nested: { count: 2 } },
      });
      expect(recorded).toMatchObject({
        actor: { id: olga.id, name: 'Olga' },
        action: 'operator.role_changed',
        target: { kind: 'operator', id: 'op-2', label: 'Piet' },
        details: { before: 'operator', after: 'admin', nested: { count: 2 } },
      });
      expect(Date.parse(recorded.at)).not.toBeNaN();
      const server = await store().audit.record({
        actor: null,
        action: 'modules.changed',
        target: { kind: 'modules', id: null, label: null },
      });
      expect(server).toMatchObject({ actor: null, details: {} });
      expect((await store().audit.page(null, 10)).entries).toEqual([server, recorded]);
    });

    it('reads newest first, a page at a time, and says where the next page starts until none is left', async () => {
      for (const label of ['1', '2', '3', '4', '5']) await store().audit.record(renamed(label));
      expect(await allPages(store(), 2)).toEqual([['5', '4'], ['3', '2'], ['1']]);
      expect(await allPages(store(), 5)).toEqual([['5', '4', '3', '2', '1']]);
      const empty = await store().audit.page(null, 0);
      expect(empty.entries).toEqual([]);
    });

    it('lists every one of the entries recorded at the same moment, each once', async () => {
      const labels = Array.from({ length: 20 }, (_, i) => `site ${i}`);
      await Promise.all(labels.map((label) => store().audit.record(renamed(label))));
      const listed = (await allPages(store(), 3)).flat();
      expect([...listed].sort()).toEqual([...labels].sort());
    });
  });
}
