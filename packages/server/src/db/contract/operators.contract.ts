// The contract for operator accounts and their sessions: found by email in any case, sessions that end.

import { describe, expect, it } from 'vitest';
import { anOperator, freshStore, fromNow, type OpenStore } from './fixtures.ts';

const HOUR = 3_600_000;

export function operatorsContract(open: OpenStore): void {
  describe('operators', () => {
    const store = freshStore(open);

    it('creates an operator and finds them by id and by email in any case', async () => {
      const olga = await anOperator(store(), 'Olga', 'admin');
      expect(olga).toMatchObject({ name: 'Olga', email: 'olga@example.com', role: 'admin', notify: 'inbox' });
      expect(await store().operators.byId(olga.id)).toEqual(olga);
      expect(await store().operators.memberByEmail('OLGA@example.com')).toMatchObject({
        id: olga.id,
        status: 'active',
      });
      expect(await store().operators.credentials('olga@EXAMPLE.com')).toEqual({
        operator: olga,
        passwordHash: "hash of Olga's password",
        usable: true,
      });
      expect(await store().operators.memberByEmail('nobody@example.com')).toBeNull();
      expect(await store().operators.activeAdminCount()).toBe(1);
    });

    it('keeps an invited operator out of work until they choose a password', async () => {
      const invited = await store().operators.create({
        name: 'Piet',
        email: 'piet@example.com',
        passwordHash: '',
        role: 'operator',
        notify: 'email',
        status: 'invited',
      });
      expect(await store().operators.usable(invited.id)).toBeNull();
      expect(await store().operators.credentials('piet@example.com')).toMatchObject({ usable: false });
      expect(await store().operators.list()).toEqual([]);
      expect((await store().operators.team()).map((m) => [m.name, m.status])).toEqual([['Piet', 'invited']]);
    });

    it('tells the queue hand-out who may work, how available and with what capacity', async () => {
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().operators.setAvailability(piet.id, 'away');
      await store().operators.updateMember(olga.id, { capacity: 2 });
      const info = await store().operators.routingInfo([olga.id, piet.id, 'nobody']);
      expect(new Map(info.map(({ id, ...rest }) => [id, rest]))).toEqual(
        new Map([
          [olga.id, { availability: 'online', capacity: 2 }],
          [piet.id, { availability: 'away', capacity: expect.any(Number) }],
        ]),
      );
      await store().operators.updateMember(piet.id, { disabled: true });
      expect(await store().operators.routingInfo([piet.id])).toEqual([]);
      expect((await store().operators.byId(piet.id))?.availability).toBe('away');
    });

    it('refuses an email another operator has', async () => {
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      expect(await store().operators.updateProfile(piet.id, { email: 'OLGA@example.com' })).toEqual({
        ok: false,
        reason: 'email_taken',
      });
      expect(await store().operators.updateMember(olga.id, { capacity: 3 })).toMatchObject({
        ok: true,
        value: { capacity: 3 },
      });
    });
  });

  describe('operator sessions', () => {
    const store = freshStore(open);

    it('finds the operator of a live session, and nobody for an expired, idle or unknown one', async () => {
      const olga = await anOperator(store(), 'Olga');
      await store().operators.createSession('live', olga.id, fromNow(HOUR));
      await store().operators.createSession('expired', olga.id, fromNow(-HOUR));
      expect(await store().operators.bySession('live', fromNow(-HOUR))).toEqual(olga);
      expect(await store().operators.bySession('live', fromNow(HOUR))).toBeNull();
      expect(await store().operators.bySession('expired', fromNow(-HOUR))).toBeNull();
      expect(await store().operators.bySession('unknown', fromNow(-HOUR))).toBeNull();
    });

    it('ends the stale sessions and says which, keeping the ones in use', async () => {
      const olga = await anOperator(store(), 'Olga');
      await store().operators.createSession('in use', olga.id, fromNow(HOUR));
      await store().operators.createSession('expired', olga.id, fromNow(-HOUR));
      await store().operators.createSession('idle', olga.id, fromNow(HOUR));
      // A use recorded since `unlessSince` already (at creation) makes the idle one's touch a no-op.
      await store().operators.touchSession('in use', fromNow(HOUR / 2), fromNow(HOUR / 2));
      await store().operators.touchSession('idle', fromNow(HOUR / 2), fromNow(-HOUR));
      expect(await store().operators.endStaleSessions(fromNow(HOUR / 4))).toEqual(
        expect.arrayContaining(['expired', 'idle']),
      );
      expect((await store().operators.endStaleSessions(fromNow(HOUR / 4))).length).toBe(0);
      expect(await store().operators.bySession('in use', fromNow(HOUR / 4))).toEqual(olga);
    });

    it('logs out one session, or every one but the current', async () => {
      const olga = await anOperator(store(), 'Olga');
      for (const hash of ['laptop', 'phone', 'tablet'])
        await store().operators.createSession(hash, olga.id, fromNow(HOUR));
      await store().operators.deleteSession('tablet');
      expect(await store().operators.bySession('tablet', fromNow(-HOUR))).toBeNull();
      await store().operators.deleteSessions(olga.id, 'laptop');
      expect(await store().operators.bySession('phone', fromNow(-HOUR))).toBeNull();
      expect(await store().operators.bySession('laptop', fromNow(-HOUR))).toEqual(olga);
    });

    it('stops a disabled operator’s sessions from answering', async () => {
      await anOperator(store(), 'Ines', 'admin');
      const olga = await anOperator(store(), 'Olga');
      await store().operators.createSession('laptop', olga.id, fromNow(HOUR));
      expect(await store().operators.updateMember(olga.id, { disabled: true })).toMatchObject({ ok: true });
      expect(await store().operators.bySession('laptop', fromNow(-HOUR))).toBeNull();
    });
  });
}
