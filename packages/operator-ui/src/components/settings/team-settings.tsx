// Admin management of helpdesk teams: name, sequence (priority) and whether live chat tickets go there.

import type { HelpdeskTeam, TeamInput } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { api } from '../../transport/http.ts';
import { TextField } from '../field.tsx';
import { Loaded, useLoad } from '../load.tsx';

const bySequence = (a: HelpdeskTeam, b: HelpdeskTeam) => a.sequence - b.sequence || a.name.localeCompare(b.name);

export function TeamSettings() {
  const [load, retry] = useLoad(() => api.teams(), []);
  const [teams, setTeams] = useState<HelpdeskTeam[]>([]);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (load.state === 'ready') setTeams([...load.data.teams].sort(bySequence));
  }, [load]);

  const replace = (team: HelpdeskTeam) =>
    setTeams((current) => [...current.filter((known) => known.id !== team.id), team].sort(bySequence));

  return (
    <section class="settings-card" id="settings-teams" aria-labelledby="teams-heading">
      <div class="settings-card__head">
        <h3 id="teams-heading" class="settings-card__title">
          Helpdesk teams
        </h3>
        <button
          type="button"
          class="button button--primary button--small"
          onClick={() => setCreating(true)}
          disabled={creating}
        >
          New team
        </button>
      </div>
      <p class="settings-card__lead">
        /ticket files into the team with the lowest sequence among those with live chat enabled.
      </p>
      <Loaded load={load} what="teams" retry={retry}>
        {() => (
          <ul class="team-list">
            {creating && (
              <TeamRow
                team={null}
                nextSequence={(teams.at(-1)?.sequence ?? 0) + 10}
                onSaved={(team) => {
                  replace(team);
                  setCreating(false);
                }}
                onRemoved={() => setCreating(false)}
              />
            )}
            {teams.length === 0 && !creating && <li class="screen__muted">No teams.</li>}
            {teams.map((team) => (
              <TeamRow
                key={team.id}
                team={team}
                nextSequence={team.sequence}
                onSaved={replace}
                onRemoved={() => setTeams((current) => current.filter((known) => known.id !== team.id))}
              />
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** One team as an editable row; `team` null is the form for a new one. */
function TeamRow({
  team,
  nextSequence,
  onSaved,
  onRemoved,
}: {
  team: HelpdeskTeam | null;
  nextSequence: number;
  onSaved: (team: HelpdeskTeam) => void;
  onRemoved: () => void;
}) {
  const [name, setName] = useState(team?.name ?? '');
  const [sequence, setSequence] = useState(String(team?.sequence ?? nextSequence));
  const [livechat, setLivechat] = useState(team?.livechatEnabled ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed =
    team === null || name !== team.name || Number(sequence) !== team.sequence || livechat !== team.livechatEnabled;

  async function save(event: Event) {
    event.preventDefault();
    const input: TeamInput = { name: name.trim(), sequence: Number(sequence), livechatEnabled: livechat };
    if (!Number.isInteger(input.sequence)) {
      setError('The sequence must be a whole number.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = team ? await api.updateTeam(team.id, input) : await api.createTeam(input);
      onSaved(saved.team);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!team) {
      onRemoved();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.deleteTeam(team.id);
      onRemoved();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  }

  const label = team ? `Team ${team.name}` : 'New team';
  return (
    <li class="team-list__item" data-testid="op-team-row">
      <form class="team-row" onSubmit={save} aria-label={label}>
        <TextField
          label="Name"
          class="team-row__name"
          value={name}
          required
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <TextField
          label="Sequence"
          class="team-row__sequence"
          type="number"
          step={1}
          value={sequence}
          onInput={(event) => setSequence(event.currentTarget.value)}
        />
        <label class="choice team-row__livechat">
          <input type="checkbox" checked={livechat} onChange={(event) => setLivechat(event.currentTarget.checked)} />
          Live chat
        </label>
        <div class="form__actions">
          <button type="submit" class="button button--small button--primary" disabled={busy || !changed}>
            {team ? 'Save' : 'Create'}
          </button>
          <button
            type="button"
            class="button button--small button--quiet"
            disabled={busy}
            onClick={() => void remove()}
          >
            {team ? 'Delete' : 'Cancel'}
          </button>
        </div>
      </form>
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
