// The contract for files sent with messages: a message takes its sender's uploads with it, or nothing is stored.

import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../conversations/messages.ts';
import type { Store } from '../store.ts';
import {
  aChat,
  anOperator,
  anUpload,
  asOperator,
  asVisitor,
  type Chat,
  freshStore,
  type OpenStore,
  visitorOwner,
} from './fixtures.ts';

const withFiles = (chat: Chat, attachmentIds: string[], clientId: string | null = null): NewMessage => ({
  conversationId: chat.conversation.id,
  author: asVisitor(chat.visitor),
  body: 'here you go',
  visibility: 'public',
  clientId,
  attachmentIds,
});

const messageOf = async (store: Store, uploadId: string): Promise<string | null | undefined> =>
  (await store.uploads.byId(uploadId))?.messageId;

export function attachmentsContract(open: OpenStore): void {
  describe('messages with attachments', () => {
    const store = freshStore(open);

    it('takes the sender’s uploads with the message, in the order given', async () => {
      const chat = await aChat(store());
      const photo = await anUpload(store(), visitorOwner(chat), 'photo.pdf');
      const invoice = await anUpload(store(), visitorOwner(chat), 'invoice.pdf');
      const { message } = await store().messages.append(withFiles(chat, [photo.id, invoice.id]));
      expect(message.attachments?.map((a) => a.name)).toEqual(['photo.pdf', 'invoice.pdf']);
      expect(message.attachments?.[0]).toMatchObject({
        id: photo.id,
        size: 1234,
        kind: 'pdf',
        mime: 'application/pdf',
      });
      expect(await messageOf(store(), photo.id)).toBe(message.id);
      expect(await messageOf(store(), invoice.id)).toBe(message.id);
      const [read] = await store().messages.after(chat.conversation.id, 0, 10);
      expect(read?.attachments?.map((a) => a.id)).toEqual([photo.id, invoice.id]);
      expect((await store().messages.last(chat.conversation.id))?.attachments).toHaveLength(2);
      // A conversation list shows no files: the line it shows comes without them.
      expect(await store().messages.lastWritten(chat.conversation.id)).not.toHaveProperty('attachments');
    });

    it('leaves attachments out of messages that have none', async () => {
      const chat = await aChat(store());
      const { message } = await store().messages.append(withFiles(chat, []));
      expect(message.attachments).toBeUndefined();
      expect((await store().messages.after(chat.conversation.id, 0, 10))[0]?.attachments).toBeUndefined();
    });

    it('refuses someone else’s upload and stores nothing, the seq included', async () => {
      const chat = await aChat(store());
      const other = await aChat(store(), 'Mallory', chat.site);
      const operator = await anOperator(store(), 'Olga');
      const theirs = await anUpload(store(), visitorOwner(other));
      const operators = await anUpload(store(), { kind: 'operator', operatorId: operator.id });
      const own = await anUpload(store(), visitorOwner(chat));
      for (const ids of [[theirs.id], [own.id, operators.id], ['no-such-upload']]) {
        await expect(store().messages.append(withFiles(chat, ids))).rejects.toMatchObject({
          code: 'attachment_refused',
        });
      }
      expect(await store().messages.after(chat.conversation.id, 0, 10)).toEqual([]);
      for (const upload of [theirs, operators, own]) expect(await messageOf(store(), upload.id)).toBeNull();
      const next = await store().messages.append(withFiles(chat, [own.id]));
      expect(next.message.seq).toBe(1);
    });

    it('refuses an upload another message took already, and one given twice', async () => {
      const chat = await aChat(store());
      const file = await anUpload(store(), visitorOwner(chat));
      const first = await store().messages.append(withFiles(chat, [file.id], 'c-1'));
      await expect(store().messages.append(withFiles(chat, [file.id], 'c-2'))).rejects.toMatchObject({
        code: 'attachment_refused',
      });
      const spare = await anUpload(store(), visitorOwner(chat));
      await expect(store().messages.append(withFiles(chat, [spare.id, spare.id]))).rejects.toMatchObject({
        code: 'attachment_refused',
      });
      expect(await messageOf(store(), file.id)).toBe(first.message.id);
      expect(await messageOf(store(), spare.id)).toBeNull();
      expect((await store().messages.after(chat.conversation.id, 0, 10)).map((m) => m.seq)).toEqual([1]);
    });

    it('gives two sends racing for one upload the file once', async () => {
      const chat = await aChat(store());
      const file = await anUpload(store(), visitorOwner(chat));
      const outcomes = await Promise.allSettled([
        store().messages.append(withFiles(chat, [file.id], 'c-1')),
        store().messages.append(withFiles(chat, [file.id], 'c-2')),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const stored = await store().messages.after(chat.conversation.id, 0, 10);
      expect(stored.map((m) => [m.seq, m.attachments?.length])).toEqual([[1, 1]]);
    });

    it('answers the same send again with its message, files and all, rather than a refusal', async () => {
      const chat = await aChat(store());
      const file = await anUpload(store(), visitorOwner(chat));
      const first = await store().messages.append(withFiles(chat, [file.id], 'c-1'));
      await store().messages.checkAttachments(visitorOwner(chat), [file.id], 'c-1');
      const again = await store().messages.append(withFiles(chat, [file.id], 'c-1'));
      expect(again).toEqual({ message: first.message, duplicate: true });
    });

    it('checks before anything is written: the sender’s untaken uploads pass, others are refused', async () => {
      const chat = await aChat(store());
      const operator = await anOperator(store(), 'Olga');
      const own = await anUpload(store(), visitorOwner(chat));
      const operators = await anUpload(store(), { kind: 'operator', operatorId: operator.id });
      await store().messages.checkAttachments(visitorOwner(chat), [own.id], 'c-1');
      await store().messages.checkAttachments({ kind: 'operator', operatorId: operator.id }, [operators.id], 'c-1');
      await expect(store().messages.checkAttachments(visitorOwner(chat), [operators.id], 'c-1')).rejects.toMatchObject({
        code: 'attachment_refused',
      });
      const elsewhere = { ...visitorOwner(chat), siteId: 'another-site' };
      await expect(store().messages.checkAttachments(elsewhere, [own.id], 'c-1')).rejects.toMatchObject({
        code: 'attachment_refused',
      });
      expect(await messageOf(store(), own.id)).toBeNull();
    });

    it('lets an operator attach their own upload to a reply', async () => {
      const chat = await aChat(store());
      const operator = await anOperator(store(), 'Olga');
      await store().conversations.join(chat.conversation.id, operator.id);
      const file = await anUpload(store(), { kind: 'operator', operatorId: operator.id }, 'label.pdf');
      const { message } = await store().messages.append({
        ...withFiles(chat, [file.id]),
        author: asOperator(operator),
      });
      expect(message.attachments?.map((a) => a.name)).toEqual(['label.pdf']);
      expect(await store().messages.transcriptLines(chat.conversation.id, 10)).toEqual([
        { authorName: 'Olga', body: 'here you go', files: ['label.pdf'] },
      ]);
    });
  });
}
