// How a visitor's rating of a closed conversation reads to operators.

import type { RatingValue } from '@livechat/protocol';

const LABELS: Record<RatingValue, string> = { good: 'Good', okay: 'Okay', bad: 'Bad' };

export const ratingLabel = (value: RatingValue): string => LABELS[value];

/** A comment that is only spaces says nothing; a long one is cut where a list row has room for it. */
export function ratingComment(comment: string | null, max = Number.POSITIVE_INFINITY): string | null {
  const text = comment?.trim().replace(/\s+/g, ' ') ?? '';
  if (text === '') return null;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
