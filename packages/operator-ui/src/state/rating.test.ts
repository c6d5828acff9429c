// How a visitor's rating reads in the conversation and in a list row.

import { describe, expect, it } from 'vitest';
import { ratingComment, ratingLabel } from './rating.ts';

describe('a rating as operators read it', () => {
  it('names each value in words', () => {
    expect([ratingLabel('good'), ratingLabel('okay'), ratingLabel('bad')]).toEqual(['Good', 'Okay', 'Bad']);
  });

  it('shows no comment for an empty one and folds line breaks', () => {
    expect(ratingComment(null)).toBeNull();
    expect(ratingComment('  \n ')).toBeNull();
    expect(ratingComment(' Quick,\n\nthanks ')).toBe('Quick, thanks');
  });

  it('cuts a long comment for a list row', () => {
    expect(ratingComment('abcdefghij', 5)).toBe('abcd…');
    expect(ratingComment('abcde', 5)).toBe('abcde');
  });
});
