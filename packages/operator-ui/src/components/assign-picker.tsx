// Assign or transfer a conversation: a picker of operators with their status and open conversations out of their capacity.

import type { Assignee } from '@livechat/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { assignConversation } from '../state/inbox-live.ts';
import { errorText, loadTeam, workspace } from '../state/live.ts';
import { useDismiss } from './dismiss.ts';

const STATUS_LABEL: Record<Assignee['status'], string> = { online: 'Online', away: 'Away', offline: 'Offline' };

/** Online first, then away, then offline; the least busy first within each. */
export function pickerOrder(team: readonly Assignee[]): Assignee[] {
  const rank = { online: 0, away: 1, offline: 2 } as const;
  return [...team].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] || a.openConversations - b.openConversations || a.name.localeCompare(b.name),
  );
}

export function AssignPicker({ conversationId, assignedId }: { conversationId: string; assignedId: string | null }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const selfId = workspace.operator.value?.id;

  useDismiss(open, root, () => setOpen(false));
  useEffect(() => {
    // Fresh status and load each time: they change all day.
    if (open) void loadTeam();
  }, [open]);

  async function choose(operatorId: string) {
    setBusy(true);
    setError(null);
    try {
      await assignConversation(conversationId, operatorId);
      setOpen(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="picker" ref={root}>
      <button
        type="button"
        class="button button--small"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
        data-testid="op-assign"
      >
        {assignedId ? 'Transfer' : 'Assign'}
      </button>
      {open && (
        <div class="picker__panel" role="group" aria-label="Assign to">
          <p class="picker__title">Assign to</p>
          <ul class="picker__list">
            {pickerOrder(workspace.team.value).map((operator) => (
              <li key={operator.id}>
                <button
                  type="button"
                  class="picker__option"
                  disabled={busy || operator.id === assignedId}
                  onClick={() => void choose(operator.id)}
                  data-testid="op-assign-option"
                  data-operator-id={operator.id}
                  data-status={operator.status}
                >
                  <span
                    class={`presence-dot presence-dot--${operator.status}`}
                    role="img"
                    aria-label={STATUS_LABEL[operator.status]}
                    title={STATUS_LABEL[operator.status]}
                  />
                  <span class="picker__name">
                    {operator.name}
                    {operator.id === selfId && <span class="panel__muted"> (you)</span>}
                    {operator.id === assignedId && <span class="panel__muted"> (assigned)</span>}
                  </span>
                  <span
                    class={`picker__load${operator.openConversations >= operator.capacity ? ' picker__load--full' : ''}`}
                    title="Open conversations out of their capacity"
                  >
                    {operator.openConversations}/{operator.capacity} open
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p class="form__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
