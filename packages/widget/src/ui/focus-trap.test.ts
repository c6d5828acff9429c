import { describe, expect, it } from 'vitest';
import { nextFocus } from './focus-trap.ts';

describe('focus trap', () => {
  const order = ['close', 'log', 'input', 'send'];

  it('wraps Tab from the last element to the first, and Shift+Tab from the first to the last', () => {
    expect(nextFocus(order, 'send', false)).toBe('close');
    expect(nextFocus(order, 'close', true)).toBe('send');
  });

  it('lets the browser move between elements inside', () => {
    expect(nextFocus(order, 'log', false)).toBeNull();
    expect(nextFocus(order, 'input', true)).toBeNull();
  });

  it('brings focus back inside when it is elsewhere', () => {
    expect(nextFocus(order, null, false)).toBe('close');
    expect(nextFocus(order, 'outside', true)).toBe('send');
    expect(nextFocus([], null, false)).toBeNull();
  });
});
