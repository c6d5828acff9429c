// Settings → Outbox for admins: every outgoing email and where it stands, failures first to the eye, with Retry.

import type { OutboxEmail, OutboxStatus } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { OUTBOX_STATUSES, replaceEmail } from '../../state/outbox.ts';
import { api } from '../../transport/http.ts';
import { Field } from '../field.tsx';
import { Loaded, useLoad } from '../load.tsx';
import { OutboxRow } from './outbox-row.tsx';

export function OutboxSettings() {
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [load, reload] = useLoad(() => api.outbox(status || undefined), [status]);
  return (
    <section class="settings-card" id="settings-outbox" aria-labelledby="outbox-heading" data-testid="op-outbox">
      <div class="settings-card__head">
        <h3 id="outbox-heading" class="settings-card__title">
          Email outbox
        </h3>
        <button type="button" class="button button--small" onClick={reload} data-testid="op-outbox-refresh">
          Refresh
        </button>
      </div>
      <p class="settings-card__lead">
        Every email the server sends passes through here and is tried again, with growing waits, when sending fails.
        Without <code>SMTP_URL</code>, emails are kept here instead of being sent.
      </p>
      <Field label="Show">
        {(control) => (
          <select
            class="field__input outbox__filter"
            {...control}
            value={status}
            onChange={(event) => setStatus(statusChoice(event.currentTarget.value))}
            data-testid="op-outbox-status"
          >
            <option value="">All emails</option>
            {OUTBOX_STATUSES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Loaded load={load} what="outbox" retry={reload}>
        {({ emails }) => <OutboxList emails={emails} />}
      </Loaded>
    </section>
  );
}

/** The select's value as a status; anything else shows every email. */
function statusChoice(value: string): OutboxStatus | '' {
  return OUTBOX_STATUSES.find((choice) => choice.value === value)?.value ?? '';
}

/** The list, which keeps each retried email's new state until the next load. */
export function OutboxList({
  emails,
  retry = (id) => api.retryOutboxEmail(id).then((body) => body.email),
}: {
  emails: OutboxEmail[];
  retry?: (id: string) => Promise<OutboxEmail>;
}) {
  const [shown, setShown] = useState(emails);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ id: string; message: string } | null>(null);
  useEffect(() => setShown(emails), [emails]);

  async function onRetry(email: OutboxEmail) {
    setRetrying(email.id);
    setRefusal(null);
    try {
      const next = await retry(email.id);
      setShown((current) => replaceEmail(current, next));
    } catch (failure) {
      setRefusal({ id: email.id, message: errorText(failure) });
    } finally {
      setRetrying(null);
    }
  }

  if (shown.length === 0) return <p class="screen__muted">No emails here.</p>;
  return (
    <ul class="outbox">
      {shown.map((email) => (
        <OutboxRow
          key={email.id}
          email={email}
          retrying={retrying === email.id}
          retryError={refusal?.id === email.id ? refusal.message : null}
          onRetry={onRetry}
        />
      ))}
    </ul>
  );
}
