// The conversation search index's contract: words without their diacritics and the last one as a
// prefix, newest first below a position, within given conversations, and who may search which.

import { describe, expect, it } from 'vitest';
import { searchQuery } from '../../search/query.ts';
import type { Store } from '../store.ts';
import { aChat, anOperator, freshStore, type OpenStore, visitorSays, operatorSays } from './fixtures.ts';

const NEWEST = Number.MAX_SAFE_INTEGER;

/** What matches `text`, newest first: a message's body, or `visitor` for the visitor's row. */
async function found(store: Store, text: string, keys: number[] | null = null, before = NEWEST, limit = 20) {
  const hits = await store.search.hits(searchQuery(text).terms, keys, before, limit);
  return hits.map((hit) => hit.message?.body ?? `visitor of ${hit.conversationId}`);
}

export function searchContract(open: OpenStore): void {
  describe('conversation search', () => {
    const store = freshStore(open);

    it('finds messages by whole words without diacritics, and by a last word of three letters or more as a prefix', async () => {
      const chat = await aChat(store(), 'Ada');
      await visitorSays(store(), chat, 'The dimmer is broken');
      await visitorSays(store(), chat, 'Ça coûte combien, la crème brûlée ?');
      await visitorSays(store(), chat, 'Write to help-desk@example.com');
      expect(await found(store(), 'DIMMER')).toEqual(['The dimmer is broken']);
      expect(await found(store(), 'dim')).toEqual(['The dimmer is broken']);
      expect(await found(store(), 'di')).toEqual([]);
      expect(await found(store(), 'dimm broken')).toEqual([]);
      expect(await found(store(), 'broken dimm')).toEqual(['The dimmer is broken']);
      expect(await found(store(), 'creme brulee')).toEqual(['Ça coûte combien, la crème brûlée ?']);
      expect(await found(store(), 'COUTE ca')).toEqual(['Ça coûte combien, la crème brûlée ?']);
      expect(await found(store(), 'desk example')).toEqual(['Write to help-desk@example.com']);
      expect(await found(store(), 'crème OR "dimmer" *')).toEqual([]);
    });

    it('folds the case of every script, and leaves system lines out', async () => {
      const chat = await aChat(store(), 'Ada');
      await visitorSays(store(), chat, 'Привет из Москвы');
      await store().messages.append({
        conversationId: chat.conversation.id,
        author: { kind: 'system', id: null, name: 'Olga' },
        body: 'Olga joined Москвы',
        visibility: 'public',
        clientId: null,
        systemEvent: 'joined',
      });
      expect(await found(store(), 'ПРИВЕТ')).toEqual(['Привет из Москвы']);
      expect(await found(store(), 'москвы')).toEqual(['Привет из Москвы']);
      expect(await found(store(), 'joined')).toEqual([]);
    });

    it("finds a conversation by its visitor's name and email, and by the new ones only once they change", async () => {
      const chat = await aChat(store(), 'Zoë');
      const visitorRow = [`visitor of ${chat.conversation.id}`];
      expect(await found(store(), 'zoe')).toEqual(visitorRow);
      await store().visitors.updateProfile(chat.visitor.id, { name: 'Ada Lovelace', email: 'ada@example.com' });
      expect(await found(store(), 'zoe')).toEqual([]);
      expect(await found(store(), 'lovelace')).toEqual(visitorRow);
      expect(await found(store(), 'ada example')).toEqual(visitorRow);
      const hit = (await store().search.hits(searchQuery('lovelace').terms, null, NEWEST, 5))[0];
      expect(hit).toMatchObject({ conversationId: chat.conversation.id, message: null, gone: false });
    });

    it('gives hits newest first below a position, at most the limit, with their message', async () => {
      const chat = await aChat(store(), 'Ada');
      for (const n of [1, 2, 3, 4]) await visitorSays(store(), chat, `invoice number ${n}`);
      const firstPage = await store().search.hits(searchQuery('invoice').terms, null, NEWEST, 3);
      expect(firstPage.map((h) => h.message?.body)).toEqual([
        'invoice number 4',
        'invoice number 3',
        'invoice number 2',
      ]);
      expect(firstPage[0]).toMatchObject({ conversationId: chat.conversation.id, gone: false });
      expect(firstPage[0]?.message).toMatchObject({ seq: 4, visibility: 'public' });
      const last = firstPage.at(-1)?.position ?? 0;
      expect(await found(store(), 'invoice', null, last)).toEqual(['invoice number 1']);
    });

    it('searches only the conversations of the keys given, and gives an operator the keys of those they may read', async () => {
      const ada = await aChat(store(), 'Ada');
      const grace = await aChat(store(), 'Grace', ada.site);
      const hedy = await aChat(store(), 'Hedy', ada.site);
      for (const chat of [ada, grace, hedy]) await visitorSays(store(), chat, 'refund please');
      const [olga, piet] = [await anOperator(store(), 'Olga'), await anOperator(store(), 'Piet')];
      const queued = await store().search.candidateKeys(olga.id);
      expect(queued).toHaveLength(3);
      await store().conversations.join(ada.conversation.id, olga.id);
      await store().conversations.join(grace.conversation.id, piet.id);
      await operatorSays(store(), grace, piet, 'refund for @Olga', 'operator');
      expect(await store().search.candidateKeys(piet.id)).toHaveLength(2);
      const olgas = await store().search.candidateKeys(olga.id);
      expect(olgas).toHaveLength(2);
      const refunds = async (keys: number[]) =>
        (await store().search.hits(searchQuery('refund').terms, keys, NEWEST, 10)).map((h) => h.conversationId);
      expect((await refunds(olgas)).sort()).toEqual([ada.conversation.id, hedy.conversation.id].sort());
      await store().mentions.record(grace.conversation.id, olga.id, 'message-of-piet');
      const withMention = await store().search.candidateKeys(olga.id);
      expect(withMention).toHaveLength(3);
      expect(await refunds(withMention)).toEqual([
        grace.conversation.id,
        hedy.conversation.id,
        grace.conversation.id,
        ada.conversation.id,
      ]);
    });

    it('keeps one cursor secret for every call', async () => {
      const secret = await store().search.cursorSecret();
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect((await store().search.cursorSecret()).equals(secret)).toBe(true);
    });
  });
}
