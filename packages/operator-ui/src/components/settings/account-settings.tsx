// "My account": every operator's own name, email and password (the current one confirms email and password changes).

import { useState } from 'preact/hooks';
import { type ProfileDraft, profileChange } from '../../state/account.ts';
import { errorText, saveProfile, workspace } from '../../state/live.ts';
import { session } from '../../state/session.ts';
import { TextField } from '../field.tsx';
import { NewPasswordField } from '../password-field.tsx';

export function AccountSettings() {
  const operator = workspace.operator.value ?? session.value;
  if (!operator) return null;
  return <AccountForm name={operator.name} email={operator.email} />;
}

/** `name` and `email` are the saved ones: the form sends only what differs from them. */
function AccountForm({ name, email }: { name: string; email: string }) {
  const [draft, setDraft] = useState<ProfileDraft>({ name, email, currentPassword: '', newPassword: '' });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof ProfileDraft, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    const change = profileChange({ name, email }, draft);
    if ('unchanged' in change) {
      setStatus({ ok: true, text: 'Nothing to save.' });
      return;
    }
    if ('problem' in change) {
      setStatus({ ok: false, text: change.problem });
      return;
    }
    setSaving(true);
    setStatus(null);
    try {
      await saveProfile(change.update);
      setDraft((current) => ({ ...current, currentPassword: '', newPassword: '' }));
      setStatus({
        ok: true,
        text: change.update.newPassword ? 'Saved. Your other sessions were signed out.' : 'Saved.',
      });
    } catch (failure) {
      setStatus({ ok: false, text: errorText(failure) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="settings-card" id="settings-account" aria-labelledby="account-heading">
      <h3 id="account-heading" class="settings-card__title">
        My account
      </h3>
      <form class="account-form" onSubmit={submit} aria-label="My account">
        <div class="account-form__row">
          <TextField
            label="Name"
            autoComplete="name"
            value={draft.name}
            onInput={(event) => set('name', event.currentTarget.value)}
            data-testid="op-account-name"
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            value={draft.email}
            onInput={(event) => set('email', event.currentTarget.value)}
            data-testid="op-account-email"
          />
        </div>
        <div class="account-form__row">
          <TextField
            label="Current password"
            hint="Needed to change your email or password."
            type="password"
            autoComplete="current-password"
            value={draft.currentPassword}
            onInput={(event) => set('currentPassword', event.currentTarget.value)}
            data-testid="op-account-current-password"
          />
          <NewPasswordField
            label="New password"
            required={false}
            value={draft.newPassword}
            onInput={(value) => set('newPassword', value)}
            testId="op-account-new-password"
          />
        </div>
        {status && (
          <p
            class={status.ok ? 'form__ok' : 'form__error'}
            role={status.ok ? 'status' : 'alert'}
            data-testid="op-account-status"
          >
            {status.text}
          </p>
        )}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={saving} data-testid="op-account-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}
