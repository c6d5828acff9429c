import { describe, expect, it } from 'vitest';
import { RateLimited } from '../errors.ts';
import { HashSlots } from './hash-slots.ts';

describe('slots for password hashes', () => {
  it('runs at most the given number at once; the rest wait, and those that wait too long are refused', async () => {
    const slots = new HashSlots(2, 50);
    let running = 0;
    let most = 0;
    const work = (ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return 'done';
    };
    const quick = await Promise.all([slots.run(work(5)), slots.run(work(5)), slots.run(work(5))]);
    expect(quick).toEqual(['done', 'done', 'done']);
    const slow = await Promise.allSettled([slots.run(work(300)), slots.run(work(300)), slots.run(work(300))]);
    expect(slow.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = slow[2]?.status === 'rejected' ? slow[2].reason : null;
    expect(refusal).toBeInstanceOf(RateLimited);
    expect(most).toBe(2);
  });
});
