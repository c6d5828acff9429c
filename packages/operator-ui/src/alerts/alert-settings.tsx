// Settings → Notifications: switches for the sound and the desktop notification of new chats, messages and mentions.

import type { AlertPreferences } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { alertPreferences, saveAlertPreferences } from '../state/inbox-live.ts';
import { errorText } from '../state/live.ts';
import { desktopPermission } from './desktop.ts';
import { NotificationsButton } from './notifications-button.tsx';

const SWITCHES: Array<{ key: keyof AlertPreferences; label: string }> = [
  { key: 'sound', label: 'Play a sound' },
  { key: 'desktop', label: 'Show a desktop notification' },
];

export function AlertSettings() {
  const saved = alertPreferences();
  const [saving, setSaving] = useState<Partial<AlertPreferences>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const shown = { ...saved, ...saving };

  async function change(key: keyof AlertPreferences, value: boolean) {
    setSaving({ ...saving, [key]: value });
    setStatus(null);
    try {
      await saveAlertPreferences({ [key]: value });
      setStatus({ ok: true, text: 'Saved.' });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error) });
    } finally {
      setSaving({});
    }
  }

  return (
    <section class="settings-card" id="settings-alerts" aria-labelledby="alerts-heading">
      <h3 id="alerts-heading" class="settings-card__title">
        Alerts
      </h3>
      <p class="settings-card__intro">
        For a new chat you may take, a visitor's message in one of yours while you look elsewhere, a mention, a transfer
        to you, and a chat waiting too long in the queue.
      </p>
      {SWITCHES.map(({ key, label }) => (
        <label key={key} class="switch switch--row">
          <input
            type="checkbox"
            role="switch"
            class="switch__input"
            checked={shown[key]}
            disabled={key in saving}
            onChange={(event) => void change(key, event.currentTarget.checked)}
            data-testid={`op-alert-${key}`}
          />
          <span class="switch__track" aria-hidden="true" />
          {label}
        </label>
      ))}
      {shown.desktop && desktopPermission.value !== 'granted' && (
        <div class="alerts-permission">
          <span>The browser has not allowed desktop notifications for this page yet.</span>
          <NotificationsButton testId="op-notifications-settings" />
        </div>
      )}
      {status && (
        <p class={status.ok ? 'form__ok' : 'form__error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
