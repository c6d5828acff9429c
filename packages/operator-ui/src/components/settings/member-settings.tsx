// Settings → Team (the people, not the helpdesk teams): operators, their roles and states, and invites.

import type { TeamMember } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { sortMembers, upsertMember } from '../../state/account.ts';
import { workspace } from '../../state/live.ts';
import { session } from '../../state/session.ts';
import { teamApi } from '../../transport/accounts.ts';
import { Loaded, useLoad } from '../load.tsx';
import { InviteForm } from './invite-form.tsx';
import { MemberRow } from './member-row.tsx';

export function MemberSettings() {
  const [load, retry] = useLoad(() => teamApi.list(), []);
  const [members, setMembers] = useState<TeamMember[]>([]);
  const selfId = (workspace.operator.value ?? session.value)?.id;

  useEffect(() => {
    if (load.state === 'ready') setMembers(sortMembers(load.data.members));
  }, [load]);

  const changed = (member: TeamMember) => setMembers((current) => upsertMember(current, member));

  return (
    <section class="settings-card" id="settings-members" aria-labelledby="members-heading">
      <div class="settings-card__head">
        <h3 id="members-heading" class="settings-card__title">
          Team
        </h3>
        <button type="button" class="button button--small" onClick={retry}>
          Refresh
        </button>
      </div>
      <p class="settings-card__lead">
        Invite an operator by a one-time link, valid 7 days: they choose a password on it and are signed in.
      </p>
      <InviteForm onInvited={({ member }) => changed(member)} />
      <Loaded load={load} what="team" retry={retry}>
        {() => (
          <ul class="member-list" aria-label="Operators">
            {members.map((member) => (
              <MemberRow key={member.id} member={member} self={member.id === selfId} onChanged={changed} />
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
