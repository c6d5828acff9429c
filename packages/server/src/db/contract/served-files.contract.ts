// The contract for serving attached files: a visitor's link reaches the files of public messages only,
// an operator those of conversations they may read, and nobody an unattached or deleted message's file.

import type { OperatorProfile, Visibility } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { Upload } from '../../files/repository.ts';
import type { Store } from '../store.ts';
import { aChat, anOperator, anUpload, type Chat, freshStore, type OpenStore, operatorSays } from './fixtures.ts';

/** An operator's message carrying one file of theirs, in public or as a note. */
async function attachAs(store: Store, chat: Chat, operator: OperatorProfile, visibility: Visibility): Promise<Upload> {
  const file = await anUpload(store, { kind: 'operator', operatorId: operator.id }, `${visibility}.pdf`);
  await operatorSays(store, chat, operator, '', visibility, [file.id]);
  return file;
}

const served = (file: Upload) => ({
  id: file.id,
  hash: file.hash,
  name: file.name,
  size: file.size,
  mime: file.mime,
  kind: file.kind,
});

export function servedFilesContract(open: OpenStore): void {
  describe('served files', () => {
    const store = freshStore(open);

    it('serves a public message’s file by link, never a note’s, an unattached or an unknown one', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const shown = await attachAs(store(), chat, olga, 'public');
      const noted = await attachAs(store(), chat, olga, 'operator');
      const unattached = await anUpload(store(), { kind: 'operator', operatorId: olga.id });
      expect(await store().servedFiles.ofPublicMessage(shown.id)).toEqual(served(shown));
      expect(await store().servedFiles.ofPublicMessage(noted.id)).toBeNull();
      expect(await store().servedFiles.ofPublicMessage(unattached.id)).toBeNull();
      expect(await store().servedFiles.ofPublicMessage('no-such-upload')).toBeNull();
      expect(await store().servedFiles.readableBy(olga, unattached.id)).toBeNull();
    });

    it('serves an operator the files of conversations they may read, notes included', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const admin = await anOperator(store(), 'Ada', 'admin');
      const noted = await attachAs(store(), chat, olga, 'operator');
      // Nobody took the conversation yet: every operator may read it.
      expect(await store().servedFiles.readableBy(piet, noted.id)).toEqual(served(noted));
      await store().conversations.join(chat.conversation.id, olga.id);
      expect(await store().servedFiles.readableBy(olga, noted.id)).toEqual(served(noted));
      expect(await store().servedFiles.readableBy(piet, noted.id)).toBeNull();
      expect(await store().servedFiles.readableBy(admin, noted.id)).toEqual(served(noted));
    });

    it('serves a mentioned operator, and not one who left the conversation', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const piet = await anOperator(store(), 'Piet');
      const file = await attachAs(store(), chat, olga, 'public');
      await store().conversations.join(chat.conversation.id, olga.id);
      const mention = await operatorSays(store(), chat, olga, '@Piet can you look?', 'operator');
      await store().mentions.record(chat.conversation.id, piet.id, mention.id);
      expect(await store().servedFiles.readableBy(piet, file.id)).toEqual(served(file));

      const other = await aChat(store(), 'Bea', chat.site);
      const left = await attachAs(store(), other, piet, 'public');
      await store().conversations.join(other.conversation.id, piet.id);
      await store().conversations.leave(other.conversation.id, piet.id);
      expect(await store().servedFiles.readableBy(olga, left.id)).toEqual(served(left));
      expect(await store().servedFiles.readableBy(piet, left.id)).toBeNull();
    });

    it('serves no file once its conversation is deleted', async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga', 'admin');
      const file = await attachAs(store(), chat, olga, 'public');
      await store().visitorData.eraseVisitor(chat.visitor.id);
      expect(await store().servedFiles.ofPublicMessage(file.id)).toBeNull();
      expect(await store().servedFiles.readableBy(olga, file.id)).toBeNull();
    });
  });
}
