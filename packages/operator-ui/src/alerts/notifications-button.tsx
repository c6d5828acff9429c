// The header's desktop-alerts control: asks the browser's permission only when clicked, and says where it stands.

import { navigate } from '../state/browser.ts';
import type { DesktopPermission } from './decide.ts';
import { askPermission, desktopPermission } from './desktop.ts';

const LABEL: Record<DesktopPermission, string> = {
  default: 'Enable alerts',
  granted: 'Alerts on',
  denied: 'Alerts blocked',
  unsupported: 'No desktop alerts',
};

const HINT: Record<DesktopPermission, string> = {
  default: 'Your browser will ask whether this page may show notifications.',
  granted: 'Sound and desktop switches are in Settings → Alerts.',
  denied: "Allow notifications for this site in your browser's site settings.",
  unsupported: 'This browser cannot show desktop notifications; sounds still play.',
};

/** `testId` differs where a second copy shows (the settings card), so each control is found alone. */
export function NotificationsButton({ testId = 'op-notifications' }: { testId?: string }) {
  const permission = desktopPermission.value;
  return (
    <button
      type="button"
      class={`button button--quiet alerts-button alerts-button--${permission}`}
      title={HINT[permission]}
      aria-label={LABEL[permission]}
      onClick={() => {
        if (permission === 'default') void askPermission();
        else navigate('#/settings');
      }}
      data-testid={testId}
      data-permission={permission}
    >
      <svg class="alerts-button__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H8l-3.6 2.7A.9.9 0 0 1 3 16V4.5Z" />
      </svg>
      <span class="alerts-button__label">{LABEL[permission]}</span>
    </button>
  );
}
