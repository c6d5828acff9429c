// The contract for what visitors' emails are made of: replies they have neither seen nor been emailed,
// marked emailed once however many nodes send, and a conversation's public lines for a transcript.

import type { Visibility } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../mail/outbox.ts';
import type { Store } from '../store.ts';
import {
  aChat,
  anOperator,
  anUpload,
  type Chat,
  freshStore,
  fromNow,
  type OpenStore,
  visitorOwner,
  visitorSays,
  operatorSays,
} from './fixtures.ts';

const MINUTE = 60_000;

const replyEmail: OutgoingEmail = {
  kind: 'reply',
  to: 'ada@example.com',
  subject: 'New replies from Shop',
  text: 'Olga wrote: Hello',
};

/** A new operator of that name writing in the chat. */
async function newOperatorSays(
  store: Store,
  chat: Chat,
  name: string,
  body: string,
  visibility: Visibility = 'public',
) {
  return operatorSays(store, chat, await anOperator(store, name), body, visibility);
}

/** A chat whose visitor left an email address, as the pre-chat form or identify() do. */
async function aChatWithEmail(store: Store): Promise<Chat> {
  const chat = await aChat(store);
  await store.visitors.updateProfile(chat.visitor.id, { email: 'ada@example.com' });
  return chat;
}

export function visitorMailContract(open: OpenStore): void {
  describe('visitor mail', () => {
    const store = freshStore(open);

    it('finds the public replies a visitor with an email has not read, and only theirs', async () => {
      const chat = await aChatWithEmail(store());
      const quiet = await aChat(store(), 'Bea');
      await visitorSays(store(), chat, 'Where is my parcel?');
      await newOperatorSays(store(), chat, 'Nora', 'Checking with the warehouse', 'operator');
      const reply = await newOperatorSays(store(), chat, 'Olga', 'It left this morning');
      await newOperatorSays(store(), quiet, 'Piet', 'Hello Bea');

      expect(await store().visitorMail.dueReplies(fromNow(-MINUTE), fromNow(MINUTE), 10)).toEqual([
        chat.conversation.id,
      ]);
      expect(await store().visitorMail.dueReplies(fromNow(MINUTE), fromNow(2 * MINUTE), 10)).toEqual([]);
      expect(await store().visitorMail.unseenReplies(quiet.conversation.id)).toBeNull();
      expect(await store().visitorMail.unseenReplies(chat.conversation.id)).toEqual({
        conversationId: chat.conversation.id,
        siteId: chat.site.id,
        visitorId: chat.visitor.id,
        visitorEmail: 'ada@example.com',
        afterSeq: 0,
        replies: [{ seq: reply.seq, authorName: 'Olga', body: 'It left this morning', createdAt: reply.createdAt }],
      });
    });

    it('sends nothing for replies the visitor read', async () => {
      const chat = await aChatWithEmail(store());
      const reply = await newOperatorSays(store(), chat, 'Olga', 'It left this morning');
      await store().readMarks.visitorRead(chat.conversation.id, reply.seq);
      expect(await store().visitorMail.dueReplies(fromNow(-MINUTE), fromNow(MINUTE), 10)).toEqual([]);
      expect(await store().visitorMail.unseenReplies(chat.conversation.id)).toBeNull();
    });

    it('marks replies emailed with their email once, however many senders race for them', async () => {
      const chat = await aChatWithEmail(store());
      const reply = await newOperatorSays(store(), chat, 'Olga', 'It left this morning');
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          store().visitorMail.enqueueReplies(chat.conversation.id, 0, reply.seq, replyEmail, 'pending'),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await store().outbox.list(10);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ kind: 'reply', to: 'ada@example.com', status: 'pending' });
      expect(await store().outbox.countForVisitor('reply', chat.visitor.id, fromNow(-MINUTE))).toBe(1);
      expect(await store().visitorMail.unseenReplies(chat.conversation.id)).toBeNull();

      const next = await newOperatorSays(store(), chat, 'Oscar', 'It arrives tomorrow');
      const unseen = await store().visitorMail.unseenReplies(chat.conversation.id);
      expect(unseen).toMatchObject({ afterSeq: reply.seq, replies: [{ seq: next.seq, body: 'It arrives tomorrow' }] });
    });

    it('stores nothing when the visitor read the replies after they were looked up', async () => {
      const chat = await aChatWithEmail(store());
      const reply = await newOperatorSays(store(), chat, 'Olga', 'It left this morning');
      await store().readMarks.visitorRead(chat.conversation.id, reply.seq);
      expect(await store().visitorMail.enqueueReplies(chat.conversation.id, 0, reply.seq, replyEmail, 'kept')).toBe(
        false,
      );
      expect(await store().outbox.list(10)).toEqual([]);
    });

    it('gives a transcript’s public lines oldest first with their files, up to the limit', async () => {
      const chat = await aChatWithEmail(store());
      const receipt = await anUpload(store(), visitorOwner(chat), 'receipt.pdf');
      const photo = await anUpload(store(), visitorOwner(chat), 'photo.pdf');
      const asked = await visitorSays(store(), chat, 'Here is the receipt', [receipt.id, photo.id]);
      await newOperatorSays(store(), chat, 'Nora', 'Refund it', 'operator');
      const olga = await anOperator(store(), 'Olga');
      await store().messages.append({
        conversationId: chat.conversation.id,
        author: { kind: 'system', id: olga.id, name: olga.name },
        body: '',
        visibility: 'public',
        clientId: null,
        systemEvent: 'joined',
      });
      const answer = await newOperatorSays(store(), chat, 'Piet', 'Refunded');
      await visitorSays(store(), chat, 'Thanks');

      const lines = await store().visitorMail.publicLines(chat.conversation.id, 2);
      expect(lines).toEqual([
        {
          seq: asked.seq,
          authorName: 'Ada',
          body: 'Here is the receipt',
          createdAt: asked.createdAt,
          files: [
            { name: 'receipt.pdf', size: 1234 },
            { name: 'photo.pdf', size: 1234 },
          ],
        },
        { seq: answer.seq, authorName: 'Piet', body: 'Refunded', createdAt: answer.createdAt },
      ]);
      expect(await store().visitorMail.publicLines(chat.conversation.id, 10)).toHaveLength(3);
    });
  });
}
