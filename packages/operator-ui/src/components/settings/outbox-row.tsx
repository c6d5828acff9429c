// One outgoing email in the outbox: where it stands, why it failed, when it is tried next, and Retry once it failed.

import type { OutboxEmail } from '@livechat/protocol';
import { STATUS_TAG, statusOf, untilText } from '../../state/outbox.ts';
import { now } from '../../state/browser.ts';
import { RelativeTime } from '../relative-time.tsx';

export function OutboxRow({
  email,
  retrying,
  retryError,
  onRetry,
}: {
  email: OutboxEmail;
  retrying: boolean;
  /** Why the last Retry of this email was refused. */
  retryError: string | null;
  onRetry: (email: OutboxEmail) => void;
}) {
  const status = statusOf(email);
  const attempts = email.attempts ?? 0;
  return (
    <li class={`outbox__item outbox__item--${status}`} data-testid="op-outbox-row" data-status={status}>
      <div class="outbox__summary">
        <span class={`tag tag--outbox-${status}`}>{STATUS_TAG[status]}</span>
        <span class="outbox__to">{email.to}</span>
        <span class="outbox__subject">{email.subject}</span>
        <RelativeTime class="outbox__time" iso={email.createdAt} />
      </div>
      <p class="outbox__facts">
        {status === 'kept' ? (
          <span>Not sent: no SMTP server is set</span>
        ) : (
          <span>{attempts === 1 ? '1 attempt' : `${attempts} attempts`}</span>
        )}
        {status === 'pending' && email.nextAttemptAt && (
          <span>
            Next attempt{' '}
            <time dateTime={email.nextAttemptAt} title={new Date(email.nextAttemptAt).toLocaleString()}>
              {untilText(email.nextAttemptAt, now.value)}
            </time>
          </span>
        )}
        {status === 'sent' && email.sentAt && (
          <span>
            Sent <RelativeTime iso={email.sentAt} />
          </span>
        )}
      </p>
      {email.lastError && (
        <p class="outbox__error" data-testid="op-outbox-error">
          <span class="outbox__error-label">Last error:</span> {email.lastError}
        </p>
      )}
      {status === 'failed' && (
        <div class="outbox__actions">
          <button
            type="button"
            class="button button--small"
            disabled={retrying}
            onClick={() => onRetry(email)}
            data-testid="op-outbox-retry"
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
          {retryError && (
            <span class="form__error" role="alert">
              {retryError}
            </span>
          )}
        </div>
      )}
      <details class="outbox__body">
        <summary>The email</summary>
        <pre class="record__text">{email.text}</pre>
      </details>
    </li>
  );
}
