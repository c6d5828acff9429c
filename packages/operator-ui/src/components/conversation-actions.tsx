// The conversation header's actions: take a queued one, assign or transfer, resolve, and show the visitor on a phone.

import type { ConversationSummary } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { isQueued } from '../state/conversations.ts';
import { assignConversation, resolveConversation } from '../state/inbox-live.ts';
import { visitorPanelShown } from '../state/layout.ts';
import { errorText, workspace } from '../state/live.ts';
import { AssignPicker } from './assign-picker.tsx';

export function ConversationActions({ summary }: { summary: ConversationSummary | undefined }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selfId = workspace.operator.value?.id ?? null;

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const open = summary?.status === 'open';
  return (
    <div class="conversation__actions">
      {summary && open && isQueued(summary) && selfId && (
        <button
          type="button"
          class="button button--small button--primary"
          disabled={busy}
          onClick={() => void act(() => assignConversation(summary.id, selfId))}
          data-testid="op-take"
        >
          Take
        </button>
      )}
      {summary && open && <AssignPicker conversationId={summary.id} assignedId={summary.assignedOperatorId} />}
      {summary && open && (
        <button
          type="button"
          class="button button--small"
          disabled={busy}
          onClick={() => void act(() => resolveConversation(summary.id))}
          data-testid="op-resolve"
        >
          Resolve
        </button>
      )}
      <button
        type="button"
        class="button button--small button--quiet conversation__panel-toggle"
        aria-expanded={visitorPanelShown.value}
        aria-controls="visitor-panel"
        onClick={() => {
          visitorPanelShown.value = !visitorPanelShown.value;
        }}
        data-testid="op-visitor-toggle"
      >
        Visitor
      </button>
      {error && (
        <p class="form__error conversation__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
