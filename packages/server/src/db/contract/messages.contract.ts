// The message store's contract: seq allocation that no concurrency can break, idempotent sends, paging.

import type { Message } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../conversations/messages.ts';
import type { Store } from '../store.ts';
import { aChat, anOperator, asOperator, asVisitor, type Chat, freshStore, type OpenStore } from './fixtures.ts';

/** A public line of the chat's visitor. */
const line = (chat: Chat, body: string, clientId: string | null = null): NewMessage => ({
  conversationId: chat.conversation.id,
  author: asVisitor(chat.visitor),
  body,
  visibility: 'public',
  clientId,
});

const seqs = async (store: Store, conversationId: string): Promise<number[]> =>
  (await store.messages.after(conversationId, 0, 1000)).map((m) => m.seq);

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

export function messagesContract(open: OpenStore): void {
  describe('messages', () => {
    const store = freshStore(open);

    it('numbers a conversation’s messages 1, 2, 3 in the order they were sent, and keeps what was said', async () => {
      const chat = await aChat(store());
      const sent: Message[] = [];
      for (const body of ['hello', 'my order is late', 'order 1234'])
        sent.push((await store().messages.append(line(chat, body, `c-${body}`))).message);
      expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(sent[1]).toMatchObject({
        conversationId: chat.conversation.id,
        author: asVisitor(chat.visitor),
        body: 'my order is late',
        visibility: 'public',
        clientId: 'c-my order is late',
      });
      expect(Date.parse(sent[1]?.createdAt ?? '')).not.toBeNaN();
      expect(await store().messages.after(chat.conversation.id, 0, 10)).toEqual(sent);
      expect((await store().conversations.byId(chat.conversation.id))?.lastSeq).toBe(3);
    });

    it('gives 50 messages sent at the same moment 50 different seqs with no gap', async () => {
      const chat = await aChat(store());
      const bodies = oneTo(50).map((i) => `line ${i}`);
      const appended = await Promise.all(bodies.map((body) => store().messages.append(line(chat, body))));
      expect(appended.map((a) => a.message.seq).sort((a, b) => a - b)).toEqual(oneTo(50));
      const stored = await store().messages.after(chat.conversation.id, 0, 100);
      expect(stored.map((m) => m.seq)).toEqual(oneTo(50));
      expect(new Set(stored.map((m) => m.body))).toEqual(new Set(bodies));
    });

    it('keeps one counter per conversation, however their messages interleave', async () => {
      const first = await aChat(store(), 'Ada');
      const second = await aChat(store(), 'Grace', first.site);
      await Promise.all(
        oneTo(10).flatMap((i) => [
          store().messages.append(line(first, `to first ${i}`)),
          store().messages.append(line(second, `to second ${i}`)),
        ]),
      );
      expect(await seqs(store(), first.conversation.id)).toEqual(oneTo(10));
      expect(await seqs(store(), second.conversation.id)).toEqual(oneTo(10));
    });

    it('answers a send repeated with its client id with the stored message, taking no seq', async () => {
      const chat = await aChat(store());
      const original = await store().messages.append(line(chat, 'hello', 'c-1'));
      const again = await store().messages.append(line(chat, 'hello', 'c-1'));
      expect(original.duplicate).toBe(false);
      expect(again).toEqual({ message: original.message, duplicate: true });
      const next = await store().messages.append(line(chat, 'anyone there?', 'c-2'));
      expect(next.message.seq).toBe(2);
      expect(await seqs(store(), chat.conversation.id)).toEqual([1, 2]);
    });

    it('stores a send repeated at the same moment (a retry on another path) once', async () => {
      const chat = await aChat(store());
      const both = await Promise.all([
        store().messages.append(line(chat, 'hello', 'c-1')),
        store().messages.append(line(chat, 'hello', 'c-1')),
      ]);
      expect(both.map((a) => a.duplicate).sort()).toEqual([false, true]);
      expect(both[0]?.message.id).toBe(both[1]?.message.id);
      expect(await seqs(store(), chat.conversation.id)).toEqual([1]);
    });

    it('holds each sender to their own client ids: another author’s same id is another message', async () => {
      const chat = await aChat(store());
      const operator = await anOperator(store(), 'Olga');
      await store().conversations.join(chat.conversation.id, operator.id);
      await store().messages.append(line(chat, 'hello', 'same-id'));
      const reply = await store().messages.append({
        ...line(chat, 'hi, how can I help?', 'same-id'),
        author: asOperator(operator),
      });
      expect(reply).toMatchObject({ duplicate: false, message: { seq: 2, body: 'hi, how can I help?' } });
    });

    it('answers a send repeated after the conversation closed with the stored message (a client back online)', async () => {
      const chat = await aChat(store());
      const original = await store().messages.append(line(chat, 'sent just before', 'c-1'));
      await store().conversations.close(chat.conversation.id);
      expect(await store().messages.append(line(chat, 'sent just before', 'c-1'))).toEqual({
        message: original.message,
        duplicate: true,
      });
    });

    it('pages forward from any seq, oldest first, at most the limit', async () => {
      const chat = await aChat(store());
      for (const i of oneTo(7)) await store().messages.append(line(chat, `line ${i}`));
      const page = async (afterSeq: number) =>
        (await store().messages.after(chat.conversation.id, afterSeq, 3)).map((m) => m.body);
      expect(await page(0)).toEqual(['line 1', 'line 2', 'line 3']);
      expect(await page(3)).toEqual(['line 4', 'line 5', 'line 6']);
      expect(await page(6)).toEqual(['line 7']);
      expect(await page(7)).toEqual([]);
      expect(await store().messages.after('no-such-conversation', 0, 3)).toEqual([]);
    });

    it('refuses a message to a closed conversation, and it takes no seq', async () => {
      const chat = await aChat(store());
      await store().messages.append(line(chat, 'thanks, bye'));
      await store().conversations.close(chat.conversation.id);
      await expect(store().messages.append(line(chat, 'one more thing'))).rejects.toMatchObject({ code: 'conflict' });
      expect(await seqs(store(), chat.conversation.id)).toEqual([1]);
      expect((await store().conversations.byId(chat.conversation.id))?.lastSeq).toBe(1);
    });

    it('refuses a message to an unknown conversation without disturbing the sends around it', async () => {
      const chat = await aChat(store());
      const outcomes = await Promise.allSettled([
        store().messages.append(line(chat, 'first')),
        store().messages.append({ ...line(chat, 'lost'), conversationId: 'no-such-conversation' }),
        store().messages.append(line(chat, 'second')),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(outcomes[1]).toMatchObject({ reason: { code: 'conflict' } });
      expect(await seqs(store(), chat.conversation.id)).toEqual([1, 2]);
      expect(await store().messages.last('no-such-conversation')).toBeNull();
    });

    it('tells the last message, and the last one someone wrote apart from system lines', async () => {
      const chat = await aChat(store());
      const operator = await anOperator(store(), 'Olga');
      expect(await store().messages.last(chat.conversation.id)).toBeNull();
      const written = await store().messages.append(line(chat, 'hello'));
      const joined = await store().messages.append({
        conversationId: chat.conversation.id,
        author: { kind: 'system', id: operator.id, name: operator.name },
        body: '',
        visibility: 'public',
        clientId: null,
        systemEvent: 'joined',
      });
      expect(joined.message.system).toEqual({ event: 'joined', name: 'Olga' });
      expect(await store().messages.last(chat.conversation.id)).toEqual(joined.message);
      expect(await store().messages.lastWritten(chat.conversation.id)).toEqual(written.message);
      expect(await store().messages.hasSystemLine(chat.conversation.id, 'joined', operator.id)).toBe(true);
      expect(await store().messages.hasSystemLine(chat.conversation.id, 'resolved', operator.id)).toBe(false);
    });

    it('finds a visitor’s message by its client id in any of their conversations, closed ones too', async () => {
      const chat = await aChat(store());
      const sent = await store().messages.append(line(chat, 'by email', 'mail-<abc@example.com>'));
      await store().conversations.close(chat.conversation.id);
      expect(await store().messages.ofVisitorByClientId(chat.visitor.id, 'mail-<abc@example.com>')).toEqual(
        sent.message,
      );
      expect(await store().messages.ofVisitorByClientId(chat.visitor.id, 'mail-<other@example.com>')).toBeNull();
    });

    it('gives a transcript of what was said in public, in order, without notes or system lines', async () => {
      const chat = await aChat(store());
      const operator = await anOperator(store(), 'Olga');
      const reply = (body: string, visibility: NewMessage['visibility']): NewMessage => ({
        ...line(chat, body),
        author: asOperator(operator),
        visibility,
      });
      await store().messages.append(line(chat, 'hello'));
      await store().messages.append(reply('check the refund first', 'operator'));
      await store().messages.append(reply('hi Ada', 'public'));
      await store().messages.append(line(chat, 'my order is late'));
      expect(await store().messages.transcriptLines(chat.conversation.id, 2)).toEqual([
        { authorName: 'Ada', body: 'hello' },
        { authorName: 'Olga', body: 'hi Ada' },
      ]);
    });
  });
}
