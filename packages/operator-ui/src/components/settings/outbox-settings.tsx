// The emails kept because no SMTP server is configured, for an admin to read.

import { api } from '../../transport/http.ts';
import { Loaded, useLoad } from '../load.tsx';
import { RelativeTime } from '../relative-time.tsx';

export function OutboxSettings() {
  const [load, reload] = useLoad(() => api.outbox(), []);
  return (
    <section class="settings-card" id="settings-outbox" aria-labelledby="outbox-heading">
      <div class="settings-card__head">
        <h3 id="outbox-heading" class="settings-card__title">
          Email outbox
        </h3>
        <button type="button" class="button button--small" onClick={reload} data-testid="op-outbox-refresh">
          Refresh
        </button>
      </div>
      <p class="settings-card__lead">
        Without <code>SMTP_URL</code>, email notifications are kept here instead of being sent.
      </p>
      <Loaded load={load} what="outbox" retry={reload}>
        {({ emails }) =>
          emails.length === 0 ? (
            <p class="screen__muted">No emails kept.</p>
          ) : (
            <ul class="outbox">
              {emails.map((email) => (
                <li key={email.id} class="outbox__item" data-testid="op-outbox-email">
                  <details>
                    <summary class="outbox__summary">
                      <span class="outbox__to">{email.to}</span>
                      <span class="outbox__subject">{email.subject}</span>
                      <RelativeTime class="outbox__time" iso={email.createdAt} />
                    </summary>
                    <pre class="record__text">{email.text}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
