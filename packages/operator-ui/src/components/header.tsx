// The top bar: product name, connection status, who is signed in, and logging out.

import { useState } from 'preact/hooks';
import { workspace } from '../state/live.ts';
import { logout, session } from '../state/session.ts';
import type { ConnectionStatus } from '../state/workspace.ts';

const STATUS_LABEL: Record<ConnectionStatus, string> = {
  online: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
};

export function Header() {
  const operator = workspace.operator.value ?? session.value;
  const status = workspace.connection.value;
  const [leaving, setLeaving] = useState(false);

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // logout() signs out locally whatever the server said.
    }
  }

  return (
    <header class="topbar">
      <h1 class="topbar__brand">Live chat</h1>
      <div class="topbar__end">
        <span class={`status status--${status}`} role="status" data-testid="op-connection" data-status={status}>
          <span class="status__dot" aria-hidden="true" />
          {STATUS_LABEL[status]}
        </span>
        {operator && (
          <span class="topbar__operator" data-testid="op-operator-name" title={operator.email}>
            {operator.name}
          </span>
        )}
        <button type="button" class="button button--quiet" onClick={onLogout} disabled={leaving} data-testid="op-logout">
          Log out
        </button>
      </div>
    </header>
  );
}
