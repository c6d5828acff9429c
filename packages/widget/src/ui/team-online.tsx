// Who is online and how fast they usually reply, shown before the visitor writes while the team is online.

import type { TeamAvailability } from '@livechat/protocol';
import type { Strings } from '../i18n.ts';
import { replyTimeText } from '../team.ts';

export const CSS = `
.team{background:#f9fafb;color:#4b5563}
.team ul{display:flex;gap:4px;margin:0 0 4px;padding:0;list-style:none}
.team li{display:grid;place-items:center;width:28px;height:28px;border-radius:50%;background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff);font-size:11px}
`;

export function TeamOnline({ team, strings }: { team: TeamAvailability; strings: Strings }) {
  const replies = replyTimeText(team.medianFirstResponseSeconds, strings);
  return (
    <div class="status team" data-testid="lc-team">
      <ul aria-label={strings.online}>
        {team.operators.map((initials) => (
          <li>{initials}</li>
        ))}
      </ul>
      {replies && <p data-testid="lc-reply-time">{replies}</p>}
    </div>
  );
}
