// The settings page: everyone's own account, preferences and canned responses; reports, sites, the team, modules,
// helpdesk teams, the outbox and the audit log for admins.

import { AlertSettings } from '../alerts/alert-settings.tsx';
import { AuditSettings } from '../components/settings/audit-settings.tsx';
import { AccountSettings } from '../components/settings/account-settings.tsx';
import { CannedSettings } from '../components/settings/canned-settings.tsx';
import { MemberSettings } from '../components/settings/member-settings.tsx';
import { ModuleSettings } from '../components/settings/module-settings.tsx';
import { OutboxSettings } from '../components/settings/outbox-settings.tsx';
import { PreferenceSettings } from '../components/settings/preference-settings.tsx';
import { ReportSettings } from '../components/settings/report-settings.tsx';
import { SiteSettings } from '../components/settings/site-settings.tsx';
import { TeamSettings } from '../components/settings/team-settings.tsx';
import { workspace } from '../state/live.ts';
import { session } from '../state/session.ts';

const EVERYONE = [
  { id: 'settings-account', label: 'My account' },
  { id: 'settings-notifications', label: 'Notifications' },
  { id: 'settings-alerts', label: 'Alerts' },
  { id: 'settings-canned', label: 'Canned responses' },
];
const ADMINS = [
  { id: 'settings-reports', label: 'Reports' },
  { id: 'settings-sites', label: 'Sites' },
  { id: 'settings-members', label: 'Team' },
  { id: 'settings-modules', label: 'Modules' },
  { id: 'settings-teams', label: 'Helpdesk teams' },
  { id: 'settings-outbox', label: 'Email outbox' },
  { id: 'settings-audit', label: 'Audit log' },
];

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
        {[...EVERYONE, ...(admin ? ADMINS : [])].map((section) => (
          <a
            key={section.id}
            href="#/settings"
            onClick={(event) => jump(event, section.id)}
            data-testid={`op-settings-nav-${section.id.replace('settings-', '')}`}
          >
            {section.label}
          </a>
        ))}
      </nav>
      <AccountSettings />
      <PreferenceSettings />
      <AlertSettings />
      <CannedSettings />
      {admin && (
        <>
          <ReportSettings />
          <SiteSettings />
          <MemberSettings />
          <ModuleSettings />
          <TeamSettings />
          <OutboxSettings />
          <AuditSettings />
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
