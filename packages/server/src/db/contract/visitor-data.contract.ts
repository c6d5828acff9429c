// The contract for erasure and retention: each deletes exactly what it should in one go, and returns the
// file hashes that no remaining upload names, so that only those bytes are deleted.

import { ERASED_VISITOR_LABEL } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import {
  aChat,
  aMomentLater,
  anOperator,
  anUpload,
  type Chat,
  freshStore,
  fromNow,
  hashOf,
  type OpenStore,
  visitorOwner,
  visitorSays,
  operatorSays,
} from './fixtures.ts';

const MINUTE = 60_000;

/** The visitor's conversation closed, and a new one they opened after it. */
async function aSecondConversation(store: Store, chat: Chat): Promise<Chat> {
  await store.conversations.close(chat.conversation.id);
  const next = await store.conversations.findOrCreateOpen(chat.site.id, chat.visitor.id, chat.conversation.id);
  return { ...chat, conversation: next.conversation };
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

export function visitorDataContract(open: OpenStore): void {
  describe('visitor data', () => {
    const store = freshStore(open);

    it('erases a visitor with their conversations, page views and uploads, and no one else’s', async () => {
      const ada = await aChat(store());
      const bea = await aChat(store(), 'Bea', ada.site);
      const olga = await anOperator(store(), 'Olga');
      await store().visitors.addPageView(ada.visitor.id, { url: 'https://shop.example/', title: 'Shop', referrer: '' });
      await store().visitors.addPageView(ada.visitor.id, { url: 'https://shop.example/a', title: 'A', referrer: '' });
      await store().visitors.addPageView(bea.visitor.id, { url: 'https://shop.example/', title: 'Shop', referrer: '' });

      const sent = await anUpload(store(), visitorOwner(ada), 'sent.pdf', hashOf('sent'));
      const pending = await anUpload(store(), visitorOwner(ada), 'pending.pdf', hashOf('pending'));
      const shared = await anUpload(store(), visitorOwner(ada), 'shared.pdf', hashOf('shared'));
      const beasCopy = await anUpload(store(), visitorOwner(bea), 'shared.pdf', hashOf('shared'));
      const reply = await anUpload(store(), { kind: 'operator', operatorId: olga.id }, 'reply.pdf', hashOf('reply'));
      await visitorSays(store(), ada, 'My receipt', [sent.id, shared.id]);
      await operatorSays(store(), ada, olga, 'The label', 'public', [reply.id]);
      const later = await aSecondConversation(store(), ada);
      await visitorSays(store(), later, 'Me again');
      await visitorSays(store(), bea, 'Hello');
      await store().outbox.add(
        {
          kind: 'transcript',
          to: 'ada@example.com',
          subject: 'Transcript',
          text: '…',
          conversationId: later.conversation.id,
        },
        'kept',
      );

      const erased = await store().visitorData.eraseVisitor(ada.visitor.id);
      expect(erased).not.toBeNull();
      expect(sorted(erased?.conversationIds ?? [])).toEqual(sorted([ada.conversation.id, later.conversation.id]));
      expect(erased).toMatchObject({ messages: 3, pageViews: 2, redactedRecords: 0 });
      expect(sorted(erased?.unnamedFiles ?? [])).toEqual(sorted([hashOf('sent'), hashOf('pending'), hashOf('reply')]));

      expect(await store().visitors.byId(ada.visitor.id)).toBeNull();
      expect(await store().conversations.byId(ada.conversation.id)).toBeNull();
      expect(await store().conversations.byId(later.conversation.id)).toBeNull();
      for (const gone of [sent, pending, shared, reply]) expect(await store().uploads.byId(gone.id)).toBeNull();
      expect(await store().outbox.list(10)).toEqual([]);
      expect(await store().visitorData.visitorCreatedAt(ada.visitor.id)).toBeNull();

      expect(await store().uploads.byId(beasCopy.id)).not.toBeNull();
      expect(await store().uploads.hashInUse(hashOf('shared'))).toBe(true);
      expect(await store().messages.after(bea.conversation.id, 0, 10)).toHaveLength(1);
      expect(await store().visitors.recentPageViews(bea.visitor.id, 10)).toHaveLength(1);
      const seen = await store().visitorData.visitorCreatedAt(bea.visitor.id);
      expect(Date.parse(seen ?? '')).toBeLessThanOrEqual(Date.now());
      expect(await store().visitorData.eraseVisitor(ada.visitor.id)).toBeNull();
    });

    it('keeps the tickets made from an erased visitor’s conversation, redacted', async () => {
      const ada = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const ticket = await store().helpdesk.createTicket({
        title: 'Parcel lost',
        description: 'Ada’s parcel never came',
        customerName: 'Ada',
        customerEmail: 'ada@example.com',
        teamId: team.id,
        conversationId: ada.conversation.id,
        createdBy: olga.id,
      });
      expect(await store().visitorData.eraseVisitor(ada.visitor.id)).toMatchObject({ redactedRecords: 1 });
      const kept = await store().helpdesk.ticket(ticket.number, { id: olga.id, role: 'admin' });
      expect(kept).toMatchObject({
        title: 'Parcel lost',
        description: ERASED_VISITOR_LABEL,
        customerName: ERASED_VISITOR_LABEL,
        customerEmail: ERASED_VISITOR_LABEL,
      });
    });

    it('deletes a site’s conversations closed before the cutoff, oldest first, up to the limit', async () => {
      const oldest = await aChat(store(), 'Ada');
      const older = await aChat(store(), 'Bea', oldest.site);
      const open = await aChat(store(), 'Cleo', oldest.site);
      const elsewhere = await aChat(store(), 'Dora');
      const file = await anUpload(store(), visitorOwner(oldest), 'photo.pdf', hashOf('photo'));
      await visitorSays(store(), oldest, 'Photo attached', [file.id]);
      await visitorSays(store(), oldest, 'Thanks');
      await visitorSays(store(), older, 'Hello');
      await store().conversations.close(oldest.conversation.id);
      await aMomentLater();
      await store().conversations.close(older.conversation.id);
      await store().conversations.close(elsewhere.conversation.id);

      expect(await store().visitorData.deleteClosedConversations(oldest.site.id, fromNow(-MINUTE), 10)).toEqual({
        conversations: [],
        messages: 0,
        redactedRecords: 0,
        unnamedFiles: [],
      });
      expect(await store().visitorData.deleteClosedConversations(oldest.site.id, fromNow(MINUTE), 1)).toEqual({
        conversations: [{ id: oldest.conversation.id, visitorId: oldest.visitor.id }],
        messages: 2,
        redactedRecords: 0,
        unnamedFiles: [hashOf('photo')],
      });
      expect(await store().uploads.byId(file.id)).toBeNull();
      expect(await store().visitors.byId(oldest.visitor.id)).not.toBeNull();

      const rest = await store().visitorData.deleteClosedConversations(oldest.site.id, fromNow(MINUTE), 10);
      expect(rest.conversations).toEqual([{ id: older.conversation.id, visitorId: older.visitor.id }]);
      expect(await store().conversations.byId(open.conversation.id)).not.toBeNull();
      expect(await store().conversations.byId(elsewhere.conversation.id)).not.toBeNull();
    });

    it('gives two retention runs at the same moment different conversations', async () => {
      const site = (await aChat(store(), 'Ada')).site;
      const chats = [await aChat(store(), 'Bea', site), await aChat(store(), 'Cleo', site)];
      for (const chat of chats) await store().conversations.close(chat.conversation.id);
      const runs = await Promise.all(
        Array.from({ length: 3 }, () => store().visitorData.deleteClosedConversations(site.id, fromNow(MINUTE), 1)),
      );
      const deleted = runs.flatMap((run) => run.conversations.map((c) => c.id));
      expect(sorted(deleted)).toEqual(sorted(chats.map((chat) => chat.conversation.id)));
    });

    it('deletes the site’s page views older than the cutoff, and no other site’s', async () => {
      const here = await aChat(store());
      const there = await aChat(store(), 'Bea');
      await store().visitors.addPageView(here.visitor.id, {
        url: 'https://shop.example/',
        title: 'Shop',
        referrer: '',
      });
      await store().visitors.addPageView(here.visitor.id, { url: 'https://shop.example/a', title: 'A', referrer: '' });
      await store().visitors.addPageView(there.visitor.id, {
        url: 'https://shop.example/',
        title: 'Shop',
        referrer: '',
      });
      expect(await store().visitorData.deletePageViews(here.site.id, fromNow(-MINUTE))).toBe(0);
      expect(await store().visitorData.deletePageViews(here.site.id, fromNow(MINUTE))).toBe(2);
      expect(await store().visitors.recentPageViews(here.visitor.id, 10)).toEqual([]);
      expect(await store().visitors.recentPageViews(there.visitor.id, 10)).toHaveLength(1);
    });
  });
}
