// One operator in Settings → Team: who they are and how they are doing, with role, disable and reset controls.

import type { MemberUpdate, OperatorRole, PasswordLink, TeamMember } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { NOTIFY_LABEL, STATUS_LABEL } from '../../state/account.ts';
import { errorText } from '../../state/live.ts';
import { teamApi } from '../../transport/accounts.ts';
import { ConfirmInline } from '../confirm-inline.tsx';
import { RelativeTime } from '../relative-time.tsx';
import { CapacityField, DEFAULT_CAPACITY } from './capacity-field.tsx';
import { OneTimeLink } from './invite-form.tsx';

export function MemberRow({
  member,
  self,
  onChanged,
}: {
  member: TeamMember;
  self: boolean;
  onChanged: (member: TeamMember) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const disabled = member.status === 'disabled';

  async function update(change: MemberUpdate) {
    setBusy(true);
    setError(null);
    try {
      onChanged((await teamApi.update(member.id, change)).member);
    } catch (failure) {
      // The row shows the refusal (the last admin, for one) where the change was asked for.
      setError(errorText(failure));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  async function makeLink() {
    setBusy(true);
    setError(null);
    try {
      setLink(await teamApi.passwordLink(member.id));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      class={`member${disabled ? ' member--disabled' : ''}`}
      data-testid="op-operator"
      data-operator-id={member.id}
      data-status={member.status}
    >
      <div class="member__row">
        <div class="member__who">
          <span class="member__name">
            <span
              class={`presence-dot${member.online ? ' presence-dot--online' : ''}`}
              title={member.online ? 'Online' : 'Offline'}
              aria-label={member.online ? 'Online' : 'Offline'}
              role="img"
            />
            {member.name}
            {self && <span class="member__you"> (you)</span>}
            <span class={`tag tag--member-${member.status}`}>{STATUS_LABEL[member.status]}</span>
          </span>
          <span class="member__email">{member.email}</span>
          <span class="member__meta">
            {NOTIFY_LABEL[member.notify]} ·{' '}
            {member.online ? (
              'online now'
            ) : member.lastSeenAt ? (
              <>
                last seen <RelativeTime iso={member.lastSeenAt} />
              </>
            ) : (
              'never seen'
            )}
          </span>
        </div>
        <div class="member__controls">
          <CapacityField
            key={member.capacity}
            name={member.name}
            capacity={member.capacity ?? DEFAULT_CAPACITY}
            busy={busy}
            onSave={(capacity) => void update({ capacity })}
          />
          <label class="member__role">
            <span class="visually-hidden">Role of {member.name}</span>
            <select
              class="field__input"
              value={member.role}
              disabled={busy}
              onChange={(event) => {
                const role: OperatorRole = event.currentTarget.value === 'admin' ? 'admin' : 'operator';
                // Shown as it was until the server agrees.
                event.currentTarget.value = member.role;
                void update({ role });
              }}
              data-testid="op-operator-role"
            >
              <option value="operator">Operator</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void makeLink()}
            data-testid="op-operator-reset"
          >
            {member.status === 'invited' ? 'New invite link' : 'Reset password'}
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={busy || confirming}
            onClick={() => (disabled ? void update({ disabled: false }) : setConfirming(true))}
            data-testid="op-operator-disable"
          >
            {disabled ? 'Enable' : 'Disable'}
          </button>
        </div>
      </div>
      {confirming && (
        <ConfirmInline
          block
          class="member__confirm"
          label={`Confirm disabling ${member.name}`}
          question={<>Disable {member.name}? Their sessions end and their conversations go back to the queue.</>}
          action="Disable"
          busy={busy}
          onConfirm={() => void update({ disabled: true })}
          onKeep={() => setConfirming(false)}
          testId="op-operator-disable-confirm"
        />
      )}
      {error && (
        <p class="form__error" role="alert" data-testid="op-operator-error">
          {error}
        </p>
      )}
      {link && (
        <OneTimeLink
          link={link}
          email={member.email}
          testId="op-reset-link"
          what={member.status === 'invited' ? 'invite' : 'reset'}
        />
      )}
    </li>
  );
}
