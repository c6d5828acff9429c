// The tab title carries the unread count.

import { describe, expect, it } from 'vitest';
import { documentTitle } from './title.ts';

describe('documentTitle', () => {
  it('shows the unread count in front of the name', () => {
    expect(documentTitle(0)).toBe('Live chat');
    expect(documentTitle(3)).toBe('(3) Live chat');
    expect(documentTitle(250)).toBe('(99+) Live chat');
  });
});
