// The operator's own choice of how mentions reach them: the in-app inbox or an email.

import type { NotificationPreference } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { errorText, saveNotificationPreference, workspace } from '../../state/live.ts';
import { session } from '../../state/session.ts';

const CHOICES: Array<{ value: NotificationPreference; label: string; detail: string }> = [
  { value: 'inbox', label: 'Inbox', detail: 'A notification here, with an unread count in the header.' },
  { value: 'email', label: 'Email', detail: 'An email with who mentioned you, the message and a link.' },
];

export function PreferenceSettings() {
  const operator = workspace.operator.value ?? session.value;
  const [saving, setSaving] = useState(false);
  /** Shown checked while saving, so the choice does not jump back until the server answers. */
  const [choosing, setChoosing] = useState<NotificationPreference | null>(null);
  const current = choosing ?? operator?.notify;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function choose(notify: NotificationPreference) {
    setSaving(true);
    setChoosing(notify);
    setStatus(null);
    try {
      await saveNotificationPreference(notify);
      setStatus({ ok: true, text: 'Saved.' });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error) });
    } finally {
      setSaving(false);
      setChoosing(null);
    }
  }

  return (
    <section class="settings-card" id="settings-notifications" aria-labelledby="notify-heading">
      <h3 id="notify-heading" class="settings-card__title">
        When someone mentions you
      </h3>
      <fieldset class="choices" disabled={saving || !operator}>
        <legend class="visually-hidden">How to notify you</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} class="choice">
            <input
              type="radio"
              name="notify"
              value={choice.value}
              checked={current === choice.value}
              onChange={() => void choose(choice.value)}
              data-testid={`op-notify-${choice.value}`}
            />
            <span>
              <strong>{choice.label}</strong>
              <span class="choice__detail">{choice.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {status && (
        <p class={status.ok ? 'form__ok' : 'form__error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
