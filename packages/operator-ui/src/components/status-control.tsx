// The operator's own availability: online gets new chats from the queue, away gets none.

import { useState } from 'preact/hooks';
import { setMyStatus } from '../state/inbox-live.ts';
import { errorText, workspace } from '../state/live.ts';
import { session } from '../state/session.ts';

export function StatusControl() {
  const operator = workspace.operator.value ?? session.value;
  const [saving, setSaving] = useState<'online' | 'away' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = saving ?? operator?.availability ?? 'online';

  async function choose(status: 'online' | 'away') {
    setSaving(status);
    setError(null);
    try {
      await setMyStatus(status);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSaving(null);
    }
  }

  return (
    <label class={`availability availability--${current}`} title={error ?? 'Online operators get new chats'}>
      <span class={`presence-dot presence-dot--${current}`} aria-hidden="true" />
      <span class="visually-hidden">Your status</span>
      <select
        class="availability__select"
        value={current}
        disabled={saving !== null}
        aria-invalid={error !== null}
        onChange={(event) => void choose(event.currentTarget.value === 'away' ? 'away' : 'online')}
        data-testid="op-status"
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
      </select>
    </label>
  );
}
