// The top bar: product name, navigation, the inbox, connection status, who is signed in, and logging out.

import { useState } from 'preact/hooks';
import { route } from '../state/browser.ts';
import { workspace } from '../state/live.ts';
import { logout, session } from '../state/session.ts';
import type { ConnectionStatus } from '../state/workspace.ts';
import { NotificationsButton } from '../alerts/notifications-button.tsx';
import { InboxButton } from './inbox.tsx';
import { StatusControl } from './status-control.tsx';

const STATUS_LABEL: Record<ConnectionStatus, string> = {
  online: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
};

const SECTIONS = [
  { href: '#/', label: 'Conversations', views: ['conversations'] },
  { href: '#/tickets', label: 'Tickets', views: ['tickets', 'ticket'] },
  { href: '#/leads', label: 'Leads', views: ['leads', 'lead'] },
  { href: '#/settings', label: 'Settings', views: ['settings'] },
] as const;

export function Header() {
  const operator = workspace.operator.value ?? session.value;
  const status = workspace.connection.value;
  const view = route.value.view;
  const unread = workspace.unreadTotal.value;
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
      <nav class="topnav" aria-label="Sections">
        {SECTIONS.map((section) => (
          <a
            key={section.href}
            class="topnav__link"
            href={section.href}
            aria-current={(section.views as readonly string[]).includes(view) ? 'page' : undefined}
            data-testid={`op-nav-${section.label.toLowerCase()}`}
          >
            {section.label}
            {section.views[0] === 'conversations' && unread > 0 && <span class="badge topnav__badge">{unread}</span>}
          </a>
        ))}
      </nav>
      <div class="topbar__end">
        <StatusControl />
        <NotificationsButton />
        <InboxButton />
        <span class={`status status--${status}`} role="status" data-testid="op-connection" data-status={status}>
          <span class="status__dot" aria-hidden="true" />
          {STATUS_LABEL[status]}
        </span>
        {operator && (
          <span class="topbar__operator" data-testid="op-operator-name" title={operator.email}>
            {operator.name}
          </span>
        )}
        <button
          type="button"
          class="button button--quiet"
          onClick={onLogout}
          disabled={leaving}
          data-testid="op-logout"
        >
          Log out
        </button>
      </div>
    </header>
  );
}
