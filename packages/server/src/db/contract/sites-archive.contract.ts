// The contract for a site's archive and identity: when it was archived, the secret its backend signs
// with, and a site saved under a known id.

import { describe, expect, it } from 'vitest';
import { aMomentLater, aSite, freshStore, type OpenStore } from './fixtures.ts';

export function sitesArchiveContract(open: OpenStore): void {
  describe('site archive and identity', () => {
    const store = freshStore(open);

    it('keeps the first archive time when archived again, and clears it when unarchived', async () => {
      const site = await aSite(store());
      await store().sites.archive(site.id);
      const archivedAt = (await store().sites.get(site.id))?.archivedAt;
      expect(archivedAt).not.toBeNull();
      await aMomentLater();
      await store().sites.archive(site.id);
      expect((await store().sites.get(site.id))?.archivedAt).toBe(archivedAt);
      expect((await store().sites.update(site.id, { archived: true }))?.archivedAt).toBe(archivedAt);
      expect((await store().sites.update(site.id, { archived: false }))?.archivedAt).toBeNull();
      const rearchived = await store().sites.update(site.id, { archived: true, name: 'Old shop' });
      expect(rearchived).toMatchObject({ name: 'Old shop' });
      expect(rearchived?.archivedAt).not.toBeNull();
      expect(await store().sites.get(site.id)).toEqual(rearchived);
    });

    it('sorts names without regard to case, archived sites last however named', async () => {
      for (const name of ['banana stand', 'Apple store', 'cherry cart', 'Aardvark']) await aSite(store(), name);
      const aardvark = (await store().sites.list()).find((s) => s.name === 'Aardvark');
      if (!aardvark) throw new Error('the site made was not listed');
      await store().sites.archive(aardvark.id);
      expect((await store().sites.list()).map((s) => s.name)).toEqual([
        'Apple store',
        'banana stand',
        'cherry cart',
        'Aardvark',
      ]);
    });

    it('saves a site under a known id with a secret of its own, and keeps the secret and the identity rule on a later save', async () => {
      await store().sites.save({
        id: 'demo',
        name: 'Demo',
        allowedOrigins: ['https://demo.example'],
        requireIdentity: true,
      });
      const saved = await store().sites.get('demo');
      expect(saved).toMatchObject({
        id: 'demo',
        name: 'Demo',
        allowedOrigins: ['https://demo.example'],
        requireIdentity: true,
        archivedAt: null,
      });
      expect(saved?.identitySecret).toMatch(/^[0-9a-f]{64}$/);
      await store().sites.save({ id: 'demo', name: 'Demo shop', allowedOrigins: [] });
      expect(await store().sites.get('demo')).toMatchObject({
        name: 'Demo shop',
        allowedOrigins: [],
        requireIdentity: true,
        identitySecret: saved?.identitySecret,
      });
      await store().sites.save({ id: 'demo', name: 'Demo shop', allowedOrigins: [], requireIdentity: false });
      expect((await store().sites.get('demo'))?.requireIdentity).toBe(false);
    });

    it('gives a rotated secret to every later read, different each time', async () => {
      const site = await aSite(store());
      const first = await store().sites.rotateSecret(site.id);
      const second = await store().sites.rotateSecret(site.id);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set([site.identitySecret, first, second]).size).toBe(3);
      expect((await store().sites.get(site.id))?.identitySecret).toBe(second);
      expect((await store().sites.list()).map((s) => s.identitySecret)).toEqual([second]);
    });

    it('keeps two changes made at the same moment to different settings', async () => {
      const site = await aSite(store());
      await Promise.all([
        store().sites.update(site.id, { widget: { title: 'Hello' } }),
        store().sites.update(site.id, { queueAlertSeconds: 600 }),
        store().sites.update(site.id, { awayMessage: 'Closed' }),
      ]);
      expect(await store().sites.get(site.id)).toMatchObject({
        widget: { title: 'Hello' },
        queueAlertSeconds: 600,
        awayMessage: 'Closed',
      });
    });
  });
}
