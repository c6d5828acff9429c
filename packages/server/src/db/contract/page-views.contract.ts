// The contract for visitors' page views and for what two requests about one visitor at once must not lose.

import { describe, expect, it } from 'vitest';
import { aSite, freshStore, type OpenStore } from './fixtures.ts';

export function pageViewsContract(open: OpenStore): void {
  describe('page views and visitors at the same moment', () => {
    const store = freshStore(open);

    it('gives each view the time it was stored, and the distinct pages by their latest view, at most the limit', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token');
      const views = [];
      for (const [url, title] of [
        ['/a', 'A'],
        ['/b', 'B'],
        ['/a', 'A again'],
        ['/c', 'C'],
        ['/b', 'B again'],
      ] as const)
        views.push(await store().visitors.addPageView(visitor.id, { url, title, referrer: 'https://search.example' }));
      expect(Date.parse(views[0]?.viewedAt ?? '')).not.toBeNaN();
      expect(await store().visitors.recentPageViews(visitor.id, 10)).toEqual([...views].reverse());
      expect(await store().visitors.recentDistinctPages(visitor.id, 2)).toEqual([views[4], views[3]]);
      expect((await store().visitors.recentDistinctPages(visitor.id, 10)).map((v) => v.title)).toEqual([
        'B again',
        'C',
        'A again',
      ]);
      const other = await store().visitors.create(site.id, 'other');
      expect(await store().visitors.recentPageViews(other.id, 10)).toEqual([]);
    });

    it('keeps every view recorded at the same moment', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token');
      const urls = Array.from({ length: 20 }, (_, i) => `/page-${i}`);
      await Promise.all(urls.map((url) => store().visitors.addPageView(visitor.id, { url, title: url, referrer: '' })));
      const stored = await store().visitors.recentPageViews(visitor.id, 50);
      expect(stored.map((v) => v.url).sort()).toEqual([...urls].sort());
    });

    it('keeps the keys of attribute merges made at the same moment, within the limit', async () => {
      const site = await aSite(store());
      const visitor = await store().visitors.create(site.id, 'token');
      const keys = ['plan', 'seats', 'team', 'region'];
      const results = await Promise.all(
        keys.map((key) => store().visitors.mergeAttributes(visitor.id, { [key]: key }, 3)),
      );
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(Object.keys((await store().visitors.byId(visitor.id))?.attributes ?? {})).toHaveLength(3);
    });

    it('makes one contact of two devices signing in as a new user at the same moment', async () => {
      const site = await aSite(store());
      const laptop = await store().visitors.create(site.id, 'laptop');
      const phone = await store().visitors.create(site.id, 'phone');
      const [onLaptop, onPhone] = await Promise.all([
        store().visitors.resolveContact(site.id, laptop.id, 'user-42', 'laptop-as-user-42'),
        store().visitors.resolveContact(site.id, phone.id, 'user-42', 'phone-as-user-42'),
      ]);
      expect(onLaptop?.visitorId).toBe(onPhone?.visitorId);
      const contact = await store().visitors.byId(onLaptop?.visitorId ?? '');
      expect(contact?.externalId).toBe('user-42');
      const issued = [onLaptop, onPhone].filter((r) => r?.tokenIssued);
      expect(issued).toHaveLength(1);
    });

    it('keeps a contact of each site under one external id', async () => {
      const shop = await aSite(store(), 'Shop');
      const bakery = await aSite(store(), 'Bakery');
      const inShop = await store().visitors.create(shop.id, 'shop token');
      const inBakery = await store().visitors.create(bakery.id, 'bakery token');
      await store().visitors.resolveContact(shop.id, inShop.id, 'user-1', 'unused');
      expect(await store().visitors.resolveContact(bakery.id, inBakery.id, 'user-1', 'unused')).toEqual({
        visitorId: inBakery.id,
        tokenIssued: false,
      });
    });
  });
}
