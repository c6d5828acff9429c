// Asks the visitor to rate the conversation that just ended: good, okay or bad, and an optional comment.

import type { RatingValue } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import type { ChatError } from '../errors.ts';
import type { Strings } from '../i18n.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { ASK_CSS } from './email-ask.tsx';

/** The email ask's chunk holds the styles of every small form in the panel; the rating adds its buttons'. */
export const CSS = `${ASK_CSS}
.ask textarea{flex-basis:100%}
.ask div{display:flex;gap:4px}
.confirm [aria-pressed=true]{background:#1f2937;color:#fff}
`;

const VALUES = ['good', 'okay', 'bad'] as const satisfies readonly RatingValue[];
const LABELS = { good: 'rateGood', okay: 'rateOkay', bad: 'rateBad' } as const;
/** The server keeps comments up to this length. */
const MAX_COMMENT = 1000;

interface RatingProps {
  api: VisitorApi;
  conversationId: string;
  strings: Strings;
}

export function Rating({ api, conversationId, strings }: RatingProps) {
  const [value, setValue] = useState<RatingValue | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState('');

  if (sent) {
    return (
      <p class="confirm ask" data-testid="lc-rating-thanks" role="status">
        {strings.rateThanks}
      </p>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    if (!value) return;
    setError('');
    const text = comment.trim();
    api.rate(conversationId, text ? { value, comment: text } : { value }).then(
      () => setSent(true),
      (failure: ChatError) => setError(failure.code === 'network' ? strings.failed : failure.message),
    );
  };

  return (
    <form class="confirm ask" data-testid="lc-rating" onSubmit={submit}>
      <p id="lc-rate">{strings.rateAsk}</p>
      <div role="group" aria-labelledby="lc-rate">
        {VALUES.map((option) => (
          <button
            type="button"
            data-testid={`lc-rating-${option}`}
            aria-pressed={value === option}
            onClick={() => setValue(option)}
          >
            {strings[LABELS[option]]}
          </button>
        ))}
      </div>
      <textarea
        data-testid="lc-rating-comment"
        aria-label={strings.rateComment}
        placeholder={strings.rateComment}
        maxLength={MAX_COMMENT}
        rows={2}
        value={comment}
        onInput={(event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <button class="yes" type="submit" data-testid="lc-rating-send" disabled={!value}>
        {strings.rateSend}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
