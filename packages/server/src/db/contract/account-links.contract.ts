// The contract for one-time account links: the setup link, invites and resets, each used once and replaced by the next.

import { describe, expect, it } from 'vitest';
import type { NewOperator } from '../../operators/repository.ts';
import { anOperator, freshStore, fromNow, type OpenStore } from './fixtures.ts';

const HOUR = 3_600_000;

const newcomer = (name: string, email = `${name.toLowerCase()}@example.com`): NewOperator => ({
  name,
  email,
  passwordHash: '',
  role: 'operator',
  notify: 'inbox',
});

export function accountLinksContract(open: OpenStore): void {
  describe('account links', () => {
    const store = freshStore(open);

    it('makes the first admin on the latest setup link, once, and no second admin on a later one', async () => {
      await store().accountLinks.issueSetup('first');
      expect(await store().accountLinks.find('first')).toMatchObject({
        kind: 'setup',
        operatorId: null,
        state: 'pending',
        expiresAt: null,
      });
      await store().accountLinks.issueSetup('second');
      expect((await store().accountLinks.find('first'))?.state).toBe('replaced');
      const admin = { ...newcomer('Olga'), passwordHash: 'hash' };
      expect(await store().accountLinks.createAdmin('first', admin)).toEqual({ ok: false, reason: 'replaced' });
      const created = await store().accountLinks.createAdmin('second', admin);
      expect(created).toMatchObject({ ok: true, value: { name: 'Olga', role: 'admin' } });
      expect((await store().accountLinks.find('second'))?.state).toBe('used');
      expect(await store().accountLinks.createAdmin('second', newcomer('Piet'))).toEqual({ ok: false, reason: 'used' });
      await store().accountLinks.issueSetup('third');
      expect(await store().accountLinks.createAdmin('third', newcomer('Piet'))).toEqual({
        ok: false,
        reason: 'admin_exists',
      });
      expect(await store().accountLinks.createAdmin('nothing', newcomer('Piet'))).toEqual({
        ok: false,
        reason: 'unknown',
      });
      expect(await store().operators.activeAdminCount()).toBe(1);
    });

    it('refuses a first admin whose email is taken, leaving the setup link usable', async () => {
      await anOperator(store(), 'Olga');
      await store().accountLinks.issueSetup('setup');
      expect(await store().accountLinks.createAdmin('setup', newcomer('Olga', 'OLGA@example.com'))).toEqual({
        ok: false,
        reason: 'email_taken',
      });
      expect((await store().accountLinks.find('setup'))?.state).toBe('pending');
      expect(await store().accountLinks.createAdmin('setup', newcomer('Ines'))).toMatchObject({ ok: true });
    });

    it('invites an operator with their link, or neither when the email is taken', async () => {
      const invited = await store().accountLinks.invite(newcomer('Piet'), 'invite', fromNow(HOUR));
      if (!invited.ok) throw new Error(`invite refused: ${invited.reason}`);
      expect(await store().operators.member(invited.value.id)).toMatchObject({ status: 'invited' });
      expect(await store().accountLinks.find('invite')).toMatchObject({
        kind: 'invite',
        operatorId: invited.value.id,
        state: 'pending',
      });
      expect(await store().accountLinks.invite(newcomer('Pieter', 'PIET@example.com'), 'again', fromNow(HOUR))).toEqual(
        { ok: false, reason: 'email_taken' },
      );
      expect(await store().accountLinks.find('again')).toBeNull();
      expect((await store().operators.team()).map((m) => m.name)).toEqual(['Piet']);
    });

    it('sets the password on an invite once, making the operator active', async () => {
      const invited = await store().accountLinks.invite(newcomer('Piet'), 'invite', fromNow(HOUR));
      if (!invited.ok) throw new Error(`invite refused: ${invited.reason}`);
      expect(await store().accountLinks.accept('invite', 'new hash')).toMatchObject({
        ok: true,
        value: { id: invited.value.id, name: 'Piet', email: 'piet@example.com' },
      });
      expect(await store().operators.credentials('piet@example.com')).toMatchObject({
        passwordHash: 'new hash',
        usable: true,
      });
      expect((await store().accountLinks.find('invite'))?.state).toBe('used');
      expect(await store().accountLinks.accept('invite', 'other hash')).toEqual({ ok: false, reason: 'used' });
    });

    it('replaces an operator’s pending link with a new one, and a reset ends their sessions', async () => {
      const olga = await anOperator(store(), 'Olga');
      await store().accountLinks.issueFor(olga.id, 'reset', 'first reset', fromNow(HOUR));
      await store().accountLinks.issueFor(olga.id, 'reset', 'second reset', fromNow(HOUR));
      expect((await store().accountLinks.find('first reset'))?.state).toBe('replaced');
      expect(await store().accountLinks.accept('first reset', 'hash')).toEqual({ ok: false, reason: 'replaced' });
      await store().operators.createSession('laptop', olga.id, fromNow(HOUR));
      expect(await store().accountLinks.accept('second reset', 'new hash')).toMatchObject({ ok: true });
      expect(await store().operators.bySession('laptop', fromNow(-HOUR))).toBeNull();
      expect((await store().operators.credentials('olga@example.com'))?.passwordHash).toBe('new hash');
    });

    it('refuses an expired link, a link of the wrong kind and a disabled operator’s link', async () => {
      await anOperator(store(), 'Ines', 'admin');
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      await store().accountLinks.issueFor(olga.id, 'reset', 'expired', fromNow(-HOUR));
      expect(await store().accountLinks.accept('expired', 'hash')).toEqual({ ok: false, reason: 'expired' });
      await store().accountLinks.issueSetup('setup');
      expect(await store().accountLinks.accept('setup', 'hash')).toEqual({ ok: false, reason: 'unknown' });
      await store().accountLinks.issueFor(piet.id, 'invite', 'invite', fromNow(HOUR));
      expect(await store().accountLinks.createAdmin('invite', newcomer('Eve'))).toEqual({
        ok: false,
        reason: 'unknown',
      });
      await store().operators.updateMember(piet.id, { disabled: true });
      expect(await store().accountLinks.accept('invite', 'hash')).toEqual({ ok: false, reason: 'disabled' });
      expect((await store().accountLinks.find('invite'))?.state).toBe('pending');
    });

    it('uses a link clicked twice at the same moment once', async () => {
      const olga = await anOperator(store(), 'Olga');
      await store().accountLinks.issueFor(olga.id, 'reset', 'reset', fromNow(HOUR));
      const results = await Promise.all([
        store().accountLinks.accept('reset', 'from the laptop'),
        store().accountLinks.accept('reset', 'from the phone'),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
    });

    it('leaves one pending link of those issued at the same moment', async () => {
      const olga = await anOperator(store(), 'Olga');
      const hashes = ['a', 'b', 'c', 'd'];
      await Promise.all(hashes.map((hash) => store().accountLinks.issueFor(olga.id, 'reset', hash, fromNow(HOUR))));
      await Promise.all(hashes.map((hash) => store().accountLinks.issueSetup(`setup ${hash}`)));
      const states = async (names: string[]) =>
        Promise.all(names.map(async (name) => (await store().accountLinks.find(name))?.state));
      expect((await states(hashes)).filter((state) => state === 'pending')).toHaveLength(1);
      const setups = hashes.map((hash) => `setup ${hash}`);
      expect((await states(setups)).filter((state) => state === 'pending')).toHaveLength(1);
    });

    it('invites one of two operators invited with one email at the same moment', async () => {
      const results = await Promise.all([
        store().accountLinks.invite(newcomer('Piet'), 'one', fromNow(HOUR)),
        store().accountLinks.invite(newcomer('Pieter', 'Piet@Example.com'), 'two', fromNow(HOUR)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'email_taken' }]);
      expect(await store().operators.team()).toHaveLength(1);
    });
  });
}
