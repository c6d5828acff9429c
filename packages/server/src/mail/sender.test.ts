import { expect, it } from 'vitest';
import { senderAddress } from './sender.ts';

it('reads the address of a sender with or without a display name', () => {
  expect(senderAddress('Live chat <livechat@example.com>')).toBe('livechat@example.com');
  expect(senderAddress(' livechat@example.com ')).toBe('livechat@example.com');
});
