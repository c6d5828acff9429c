// The settings page: everyone's own preferences and canned responses; modules, teams and the outbox for admins.

import { CannedSettings } from '../components/settings/canned-settings.tsx';
import { ModuleSettings } from '../components/settings/module-settings.tsx';
import { OutboxSettings } from '../components/settings/outbox-settings.tsx';
import { PreferenceSettings } from '../components/settings/preference-settings.tsx';
import { TeamSettings } from '../components/settings/team-settings.tsx';
import { workspace } from '../state/live.ts';
import { session } from '../state/session.ts';

export function SettingsPage() {
  const operator = workspace.operator.value ?? session.value;
  const admin = operator?.role === 'admin';
  return (
    <section class="screen screen--settings" aria-labelledby="settings-heading">
      <header class="screen__header">
        <h2 id="settings-heading" class="screen__title">
          Settings
        </h2>
      </header>
      <nav class="settings-nav" aria-label="Settings sections">
        <a href="#/settings" onClick={(event) => jump(event, 'settings-notifications')}>
          Notifications
        </a>
        <a href="#/settings" onClick={(event) => jump(event, 'settings-canned')}>
          Canned responses
        </a>
        {admin && (
          <>
            <a href="#/settings" onClick={(event) => jump(event, 'settings-modules')}>
              Modules
            </a>
            <a href="#/settings" onClick={(event) => jump(event, 'settings-teams')}>
              Helpdesk teams
            </a>
            <a href="#/settings" onClick={(event) => jump(event, 'settings-outbox')}>
              Email outbox
            </a>
          </>
        )}
      </nav>
      <PreferenceSettings />
      <CannedSettings />
      {admin && (
        <>
          <ModuleSettings />
          <TeamSettings />
          <OutboxSettings />
        </>
      )}
    </section>
  );
}

/** In-page jumps without touching the hash, which is the router's. */
function jump(event: Event, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
