// The visitor's rating of a conversation: a text badge and their comment, in full or as a list row's short form.

import type { ConversationRating } from '@livechat/protocol';
import { ratingComment, ratingLabel } from '../state/rating.ts';

export function ConversationRatingNote({ rating }: { rating: ConversationRating }) {
  const comment = ratingComment(rating.comment);
  return (
    <p class="rating" data-testid="op-rating" data-rating={rating.value}>
      <span class="rating__label">Visitor's rating</span>
      <span class={`tag tag--rating tag--rating-${rating.value}`}>{ratingLabel(rating.value)}</span>
      {comment && <q class="rating__comment">{comment}</q>}
    </p>
  );
}

/** In a list row: the badge alone, the comment in its tooltip. */
export function RatingTag({ rating }: { rating: ConversationRating }) {
  const label = ratingLabel(rating.value);
  const comment = ratingComment(rating.comment, 200);
  return (
    <span
      class={`tag tag--rating tag--rating-${rating.value}`}
      title={comment ? `Rated ${label.toLowerCase()}: ${comment}` : `Rated ${label.toLowerCase()}`}
      data-testid="op-row-rating"
    >
      {label}
    </span>
  );
}
