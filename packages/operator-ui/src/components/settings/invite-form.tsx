// Inviting an operator: name, email and role give a one-time link, shown once with a copy button.

import type { InviteResult, OperatorRole, PasswordLink } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { teamApi } from '../../transport/accounts.ts';
import { CopyableText } from '../copy-text.tsx';
import { Field, TextField } from '../field.tsx';

export function InviteForm({ onInvited }: { onInvited: (result: InviteResult) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OperatorRole>('operator');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ email: string; invite: PasswordLink } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await teamApi.invite({ name: name.trim(), email: email.trim(), role });
      setSent({ email: result.member.email, invite: result.invite });
      setName('');
      setEmail('');
      setRole('operator');
      onInvited(result);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="invite">
      <form class="invite-form" onSubmit={submit} aria-label="Invite an operator">
        <TextField
          label="Name"
          class="invite-form__name"
          required
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
          data-testid="op-invite-name"
        />
        <TextField
          label="Email"
          class="invite-form__email"
          type="email"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          data-testid="op-invite-email"
        />
        <Field label="Role" class="invite-form__role">
          {(control) => (
            <select
              class="field__input"
              {...control}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value === 'admin' ? 'admin' : 'operator')}
              data-testid="op-invite-role"
            >
              <option value="operator">Operator</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
        <button type="submit" class="button button--primary" disabled={busy} data-testid="op-invite-submit">
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </form>
      {error && (
        <p class="form__error" role="alert" data-testid="op-invite-error">
          {error}
        </p>
      )}
      {sent && <OneTimeLink link={sent.invite} email={sent.email} testId="op-invite-link" what="invite" />}
    </div>
  );
}

/** A one-time link, shown to the admin once: what it is for, how long it lasts, and whether it was emailed. */
export function OneTimeLink({
  link,
  email,
  testId,
  what,
}: {
  link: PasswordLink;
  email: string;
  testId: string;
  what: 'invite' | 'reset';
}) {
  return (
    <div class="one-time-link" data-testid={`${testId}-box`}>
      <p class="one-time-link__lead">
        {what === 'invite' ? 'Invite link' : 'Password reset link'}, valid until{' '}
        {new Date(link.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}:
      </p>
      <CopyableText text={link.link} testId={testId} label={`Copy the ${what} link`} />
      <p class="one-time-link__sent" data-testid={`${testId}-emailed`}>
        {link.emailed
          ? `Emailed to ${email}.`
          : `Not emailed (no SMTP server is set up): copy it and send it yourself.`}
      </p>
    </div>
  );
}
