// The contract for uploads (kept while a message holds them, their bytes freed once nothing names them)
// and for server-wide settings that every node must read alike.

import { describe, expect, it } from 'vitest';
import {
  aChat,
  anOperator,
  anUpload,
  asVisitor,
  freshStore,
  fromNow,
  hashOf,
  type OpenStore,
  visitorOwner,
} from './fixtures.ts';

const MINUTE = 60_000;

export function uploadsAndSettingsContract(open: OpenStore): void {
  describe('uploads', () => {
    const store = freshStore(open);

    it('keeps who uploaded what, and the picture’s size when known', async () => {
      const chat = await aChat(store());
      const created = await store().uploads.create({
        owner: visitorOwner(chat),
        hash: hashOf('photo'),
        name: 'photo.png',
        size: 2048,
        mime: 'image/png',
        kind: 'image',
        width: 640,
        height: 480,
      });
      expect(created).toMatchObject({ owner: visitorOwner(chat), messageId: null, width: 640, height: 480 });
      expect(await store().uploads.byId(created.id)).toEqual(created);
      const operator = await anOperator(store(), 'Olga');
      const plain = await anUpload(store(), { kind: 'operator', operatorId: operator.id });
      const read = await store().uploads.byId(plain.id);
      expect(read?.owner).toEqual({ kind: 'operator', operatorId: operator.id });
      expect(read).not.toHaveProperty('width');
      expect(await store().uploads.byId('no-such-upload')).toBeNull();
    });

    it('removes the old unattached uploads only, and returns the bytes nothing names any more', async () => {
      const chat = await aChat(store());
      const attached = await anUpload(store(), visitorOwner(chat), 'sent.pdf', hashOf('sent'));
      const sameBytes = await anUpload(store(), visitorOwner(chat), 'copy of sent.pdf', hashOf('sent'));
      const unused = await anUpload(store(), visitorOwner(chat), 'unused.pdf', hashOf('unused'));
      await store().messages.append({
        conversationId: chat.conversation.id,
        author: asVisitor(chat.visitor),
        body: '',
        visibility: 'public',
        clientId: null,
        attachmentIds: [attached.id],
      });
      expect(await store().uploads.removeUnattachedBefore(fromNow(-MINUTE))).toEqual([]);
      expect(await store().uploads.byId(unused.id)).not.toBeNull();
      expect(await store().uploads.removeUnattachedBefore(fromNow(MINUTE))).toEqual([hashOf('unused')]);
      expect(await store().uploads.byId(unused.id)).toBeNull();
      expect(await store().uploads.byId(sameBytes.id)).toBeNull();
      expect(await store().uploads.byId(attached.id)).not.toBeNull();
      expect(await store().uploads.hashInUse(hashOf('sent'))).toBe(true);
      expect(await store().uploads.hashInUse(hashOf('unused'))).toBe(false);
    });
  });

  describe('settings', () => {
    const store = freshStore(open);

    it('makes one signing key per name, the same on every read, different between names', async () => {
      const links = await store().settings.signingKey('file-links');
      expect(links).toHaveLength(32);
      expect(await store().settings.signingKey('file-links')).toEqual(links);
      const [first, second] = await Promise.all([
        store().settings.signingKey('unsubscribe'),
        store().settings.signingKey('unsubscribe'),
      ]);
      expect(first).toEqual(second);
      expect(first).not.toEqual(links);
    });

    it('keeps the module switches, both off at first', async () => {
      expect(await store().settings.modules()).toEqual({ helpdesk: false, crm: false });
      await store().settings.saveModules({ helpdesk: true, crm: false });
      expect(await store().settings.modules()).toEqual({ helpdesk: true, crm: false });
    });
  });
}
