// The contract of what visitors say of their conversations: ratings, the latest kept, and how long they
// waited for a first reply.

import { describe, expect, it } from 'vitest';
import { aChat, anOperator, freshStore, fromNow, type OpenStore, visitorSays, operatorSays } from './fixtures.ts';

export function ratingsAndResponseTimesContract(open: OpenStore): void {
  describe('ratings and response times', () => {
    const store = freshStore(open);

    it('keeps one rating per conversation, the latest replacing an earlier one', async () => {
      const rated = await aChat(store(), 'Ada');
      const other = await aChat(store(), 'Grace', rated.site);
      expect(await store().ratings.of(rated.conversation.id)).toBeNull();
      const first = await store().ratings.rate(rated.conversation.id, 'bad', 'slow answer');
      expect(await store().ratings.of(rated.conversation.id)).toEqual(first);
      const second = await store().ratings.rate(rated.conversation.id, 'good', null);
      expect(second).toMatchObject({ value: 'good', comment: null });
      expect(await store().ratings.of(rated.conversation.id)).toEqual(second);
      expect(await store().ratings.of(other.conversation.id)).toBeNull();
    });

    it('measures the wait from the visitor’s first message to the first public reply after it', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const since = fromNow(-60_000);
      expect(await store().responseTimes.medianFirstResponseSeconds(chat.site.id, since)).toBeNull();
      const reply = (body: string, visibility: 'public' | 'operator') =>
        operatorSays(store(), chat, olga, body, visibility);
      // A greeting before the visitor asked answers nothing; a note is no reply.
      await reply('welcome', 'public');
      await visitorSays(store(), chat, 'my order is late');
      await reply('a note for the team', 'operator');
      expect(await store().responseTimes.medianFirstResponseSeconds(chat.site.id, since)).toBeNull();
      await reply('looking into it', 'public');
      const median = await store().responseTimes.medianFirstResponseSeconds(chat.site.id, since);
      expect(Number.isInteger(median)).toBe(true);
      expect(median).toBeGreaterThanOrEqual(0);
    });

    it('measures only the site’s conversations created since the given time', async () => {
      const chat = await aChat(store());
      const elsewhere = await aChat(store(), 'Grace');
      const olga = await anOperator(store(), 'Olga');
      for (const c of [chat, elsewhere]) {
        await visitorSays(store(), c, 'hello');
        await operatorSays(store(), c, olga, 'hi');
      }
      expect(await store().responseTimes.medianFirstResponseSeconds(chat.site.id, fromNow(-60_000))).not.toBeNull();
      expect(await store().responseTimes.medianFirstResponseSeconds(chat.site.id, fromNow(60_000))).toBeNull();
      const unknownSite = await store().responseTimes.medianFirstResponseSeconds('no-such-site', fromNow(-60_000));
      expect(unknownSite).toBeNull();
    });
  });
}
