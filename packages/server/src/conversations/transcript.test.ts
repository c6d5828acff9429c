import type { Message } from '@livechat/protocol';
import { expect, it } from 'vitest';
import { transcript } from './transcript.ts';

const message = (seq: number, name: string, body: string, visibility: Message['visibility'] = 'public'): Message => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  clientId: null,
  author: { kind: name === 'Alice' ? 'operator' : 'visitor', id: null, name },
  body,
  visibility,
  createdAt: '',
});

it('keeps public messages only, one line each, in order', () => {
  expect(
    transcript([
      message(1, 'Zoé', 'My lamp flickers'),
      message(2, 'Alice', 'reseller, be nice', 'operator'),
      message(3, 'Alice', 'Sorry to hear that!\nWhich model?'),
    ]),
  ).toBe('Zoé: My lamp flickers\nAlice: Sorry to hear that! Which model?');
});
