// The contract for sites and their visitors: a site's settings as saved, a visitor found by any of their tokens.

import { describe, expect, it } from 'vitest';
import type { NewSite } from '../../sites/repository.ts';
import { aSite, freshStore, type OpenStore } from './fixtures.ts';

/** A site with every setting away from its default. */
const tailored: NewSite = {
  name: 'Bakery',
  allowedOrigins: ['https://bakery.example', 'https://www.bakery.example'],
  widget: {
    color: '#aa3300',
    position: 'left',
    title: 'Ask the baker',
    greeting: 'Fresh bread at 7',
    locale: 'fr',
    prechat: { name: 'required', email: 'optional' },
  },
  queueAlertSeconds: 300,
  workingHours: { timeZone: 'Europe/Paris', spans: [{ day: 1, from: '07:00', to: '13:00' }] },
  awayMessage: 'Back at 7 tomorrow',
  retention: { conversationsDays: 90, pageViewsDays: 30 },
  attachments: { maxBytes: 2_000_000, kinds: ['image', 'pdf'] },
};

export function visitorsAndSitesContract(open: OpenStore): void {
  describe('sites', () => {
    const store = freshStore(open);

    it('keeps every setting a site is created with, and gives it an id and a secret of its own', async () => {
      const site = await store().sites.create(tailored);
      const { name, allowedOrigins, widget, queueAlertSeconds, workingHours, awayMessage, retention, attachments } =
        tailored;
      expect(site).toMatchObject({ name, allowedOrigins, widget, queueAlertSeconds, workingHours, awayMessage });
      expect(site).toMatchObject({ retention, attachments, requireIdentity: false, archivedAt: null });
      expect(site.identitySecret).toMatch(/^[0-9a-f]{64}$/);
      expect(await store().sites.get(site.id)).toEqual(site);
      const other = await aSite(store(), 'Florist');
      expect(other.id).not.toBe(site.id);
      expect(other.identitySecret).not.toBe(site.identitySecret);
      expect(await store().sites.get('no-such-site')).toBeNull();
    });

    it('changes only the settings given, a pre-chat field without the other', async () => {
      const site = await store().sites.create(tailored);
      const changed = await store().sites.update(site.id, {
        widget: { prechat: { email: 'off' } },
        retention: { pageViewsDays: null },
        attachments: { kinds: ['pdf'] },
      });
      expect(changed?.widget).toEqual({ ...tailored.widget, prechat: { name: 'required', email: 'off' } });
      expect(changed?.retention).toEqual({ conversationsDays: 90, pageViewsDays: null });
      expect(changed?.attachments).toEqual({ maxBytes: 2_000_000, kinds: ['pdf'] });
      expect(changed?.awayMessage).toBe('Back at 7 tomorrow');
      expect(await store().sites.get(site.id)).toEqual(changed);
      expect(await store().sites.update('no-such-site', { name: 'Nobody' })).toBeNull();
    });

    it('lists sites by name, archived ones last, and keeps the secret unless rotated', async () => {
      const florist = await aSite(store(), 'Florist');
      await aSite(store(), 'Bakery');
      await aSite(store(), 'Cheese shop');
      await store().sites.archive(florist.id);
      await store().sites.save({ id: florist.id, name: 'Flower shop', allowedOrigins: ['https://flowers.example'] });
      expect((await store().sites.list()).map((s) => s.name)).toEqual(['Bakery', 'Cheese shop', 'Flower shop']);
      const renamed = await store().sites.get(florist.id);
      expect(renamed?.archivedAt).not.toBeNull();
      expect(renamed?.identitySecret).toBe(florist.identitySecret);
      const rotated = await store().sites.rotateSecret(florist.id);
      expect(rotated).not.toBe(florist.identitySecret);
      expect((await store().sites.get(florist.id))?.identitySecret).toBe(rotated);
      await store().sites.unarchive(florist.id);
      await store().sites.setRequireIdentity(florist.id, true);
      expect(await store().sites.get(florist.id)).toMatchObject({ archivedAt: null, requireIdentity: true });
    });
  });

  describe('visitors', () => {
    const store = freshStore(open);

    it('creates a visitor on a site and finds them by their token', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token-1', { name: 'Ada', email: 'ada@example.com' });
      expect(visitor).toMatchObject({
        siteId: site.id,
        name: 'Ada',
        email: 'ada@example.com',
        externalId: null,
        attributes: {},
      });
      expect(await store().visitors.byToken('token-1')).toEqual(visitor);
      expect(await store().visitors.byId(visitor.id)).toEqual(visitor);
      expect(await store().visitors.byToken('token-2')).toBeNull();
    });

    it('answers to a token added for another device, and to none revoked', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'laptop');
      await store().visitors.addToken(visitor.id, 'phone');
      expect((await store().visitors.byToken('phone'))?.id).toBe(visitor.id);
      await store().visitors.revokeToken('laptop');
      expect(await store().visitors.byToken('laptop')).toBeNull();
      expect((await store().visitors.byToken('phone'))?.id).toBe(visitor.id);
    });

    it('keeps a profile change and merges attributes up to the limit', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token-1');
      await store().visitors.updateProfile(visitor.id, { email: 'ada@example.com' });
      expect(await store().visitors.mergeAttributes(visitor.id, { plan: 'pro', seats: '3' }, 5)).toEqual({
        plan: 'pro',
        seats: '3',
      });
      expect(await store().visitors.mergeAttributes(visitor.id, { seats: null, team: 'ops' }, 5)).toEqual({
        plan: 'pro',
        team: 'ops',
      });
      expect(await store().visitors.mergeAttributes(visitor.id, { a: '1', b: '2', c: '3', d: '4' }, 5)).toBeNull();
      expect(await store().visitors.byId(visitor.id)).toMatchObject({
        email: 'ada@example.com',
        attributes: { plan: 'pro', team: 'ops' },
      });
    });

    it('keeps the pages a visitor viewed, newest first, and copies them to the contact they turn out to be', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token-1');
      for (const url of ['/', '/shoes', '/', '/checkout'])
        await store().visitors.addPageView(visitor.id, { url, title: `Page ${url}`, referrer: '' });
      const urls = (views: Array<{ url: string }>) => views.map((v) => v.url);
      expect(urls(await store().visitors.recentPageViews(visitor.id, 3))).toEqual(['/checkout', '/', '/shoes']);
      expect(urls(await store().visitors.recentDistinctPages(visitor.id, 10))).toEqual(['/checkout', '/', '/shoes']);
      const contact = await store().visitors.create(site.id, 'token-2');
      await store().visitors.copyPageViews(visitor.id, contact.id);
      expect(urls(await store().visitors.recentPageViews(contact.id, 10))).toEqual(['/checkout', '/', '/shoes', '/']);
    });

    it('makes an anonymous visitor the site’s contact, and gives a known contact the new device’s token', async () => {
      const site = await aSite(store());
      const laptop = await store().visitors.create(site.id, 'laptop');
      expect(await store().visitors.resolveContact(site.id, laptop.id, 'user-42', 'unused')).toEqual({
        visitorId: laptop.id,
        tokenIssued: false,
      });
      const phone = await store().visitors.create(site.id, 'phone');
      expect(await store().visitors.resolveContact(site.id, phone.id, 'user-42', 'phone-as-user-42')).toEqual({
        visitorId: laptop.id,
        tokenIssued: true,
      });
      expect((await store().visitors.byToken('phone-as-user-42'))?.id).toBe(laptop.id);
      expect((await store().visitors.byId(laptop.id))?.externalId).toBe('user-42');
      // Signed in as someone else on the same device: that contact is never handed over.
      const other = await store().visitors.resolveContact(site.id, laptop.id, 'user-7', 'laptop-as-user-7');
      expect(other.tokenIssued).toBe(true);
      expect(other.visitorId).not.toBe(laptop.id);
      expect(await store().visitors.byToken('laptop-as-user-7')).toMatchObject({
        id: other.visitorId,
        externalId: 'user-7',
      });
      expect((await store().visitors.byId(laptop.id))?.externalId).toBe('user-42');
    });
  });
}
