// The contract for what two nodes changing operators at the same moment must not break: one account
// per email, and always an active admin.

import { describe, expect, it } from 'vitest';
import { anOperator, freshStore, type OpenStore } from './fixtures.ts';

export function operatorRacesContract(open: OpenStore): void {
  describe('operators changed at the same moment', () => {
    const store = freshStore(open);

    it('creates one account of two made with one email in different cases', async () => {
      const results = await Promise.allSettled([
        anOperator(store(), 'Olga'),
        store().operators.create({
          name: 'Olga B',
          email: 'OLGA@example.com',
          passwordHash: 'hash',
          role: 'operator',
          notify: 'inbox',
        }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await store().operators.team()).toHaveLength(1);
    });

    it('gives an email to one of two operators taking it at the same moment', async () => {
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const results = await Promise.all([
        store().operators.updateProfile(olga.id, { email: 'team@example.com' }),
        store().operators.updateProfile(piet.id, { email: 'TEAM@example.com', name: 'Pieter' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'email_taken' }]);
      expect((await store().operators.byId(piet.id))?.name).toBe(results[1]?.ok ? 'Pieter' : 'Piet');
    });

    it('keeps an operator’s own email in another case, and the other fields of a change', async () => {
      const olga = await anOperator(store(), 'Olga');
      expect(
        await store().operators.updateProfile(olga.id, { email: 'Olga@Example.com', alerts: { sound: false } }),
      ).toMatchObject({ ok: true, value: { email: 'Olga@Example.com', alerts: { sound: false, desktop: true } } });
      expect(await store().operators.updateProfile('nobody', { name: 'Nobody' })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    });

    it('keeps one active admin when two demote each other at the same moment', async () => {
      const olga = await anOperator(store(), 'Olga', 'admin');
      const ines = await anOperator(store(), 'Ines', 'admin');
      const results = await Promise.all([
        store().operators.updateMember(olga.id, { role: 'operator' }),
        store().operators.updateMember(ines.id, { disabled: true }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'last_admin' }]);
      expect(await store().operators.activeAdminCount()).toBe(1);
    });
  });
}
