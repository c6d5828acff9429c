// The team's state before the visitor writes: who is online and how fast they reply, or the away message.

import type { TeamAvailability } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { lazy } from './lazy.tsx';

// Who is online and how fast they reply, with its styles: a chunk of its own, which an away site never needs.
const TeamOnline = lazy(() => import('./team-online.tsx').then((m) => ({ component: m.TeamOnline, css: m.CSS })));

/** Operators come and go: an open panel reads the team again this often. */
export const AVAILABILITY_REFRESH_MS = 60_000;

/** The team's state, read when the panel opens and again every minute while it stays open. */
export function useAvailability(api: VisitorApi, open: boolean): TeamAvailability | null {
  const [availability, setAvailability] = useState<TeamAvailability | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const read = () => api.availability().then((answer) => live && answer && setAvailability(answer));
    read();
    const timer = setInterval(read, AVAILABILITY_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, open]);
  return availability;
}

export function TeamState({ team, strings }: { team: TeamAvailability; strings: Strings }) {
  if (team.state === 'away') {
    return (
      <p class="status" data-testid="lc-away" role="status">
        {team.awayMessage || strings.away}
      </p>
    );
  }
  return <TeamOnline team={team} strings={strings} />;
}
