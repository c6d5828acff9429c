// An operator's capacity and a site's queue alert as typed: whole numbers in the server's range, or refused here.

import { describe, expect, it } from 'vitest';
import { parseQueueAlert } from '../../state/site-form.ts';
import { parseCapacity } from './capacity-field.tsx';

describe('parseCapacity', () => {
  it('takes 1 to 50', () => {
    expect(parseCapacity('5')).toBe(5);
    expect(parseCapacity(' 50 ')).toBe(50);
    expect(parseCapacity('1')).toBe(1);
  });

  it('refuses the rest', () => {
    for (const typed of ['0', '51', '2.5', '-1', '', 'five']) expect(parseCapacity(typed)).toBeNull();
  });
});

describe('parseQueueAlert', () => {
  it('takes 30 to 3600 seconds', () => {
    expect(parseQueueAlert('120')).toBe(120);
    expect(parseQueueAlert('30')).toBe(30);
    expect(parseQueueAlert('3600')).toBe(3600);
    for (const typed of ['29', '3601', '1e3', '']) expect(parseQueueAlert(typed)).toBeNull();
  });
});
