// Managing canned responses: list, search, create, edit and delete, with the server's validation errors inline.

import type { CannedResponse, CannedResponseInput } from '@livechat/protocol';
import { foldForSearch } from '@livechat/protocol';
import { useMemo, useState } from 'preact/hooks';
import { errorText, workspace } from '../../state/live.ts';
import { api } from '../../transport/http.ts';
import { Field, TextAreaField, TextField } from '../field.tsx';
import { RelativeTime } from '../relative-time.tsx';

export function CannedSettings() {
  const all = workspace.canned.alphabetical.value;
  const loaded = workspace.canned.loaded.value;
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const shown = useMemo(() => {
    const term = foldForSearch(search.trim());
    if (!term) return all;
    return all.filter((response) =>
      [response.shortcut, response.substitution, response.description].some((field) =>
        foldForSearch(field).includes(term),
      ),
    );
  }, [all, search]);

  return (
    <section class="settings-card" id="settings-canned" aria-labelledby="canned-heading">
      <div class="settings-card__head">
        <h3 id="canned-heading" class="settings-card__title">
          Canned responses
        </h3>
        <button
          type="button"
          class="button button--primary button--small"
          onClick={() => setCreating(true)}
          disabled={creating}
          data-testid="op-canned-new"
        >
          New canned response
        </button>
      </div>
      <p class="settings-card__lead">
        Type <kbd>:</kbd> and the shortcut in the composer to insert one. Variables: <code>{'{{visitor.name}}'}</code>,{' '}
        <code>{'{{visitor.email}}'}</code>, <code>{'{{operator.name}}'}</code>, <code>{'{{site.name}}'}</code>; a
        fallback follows a bar: <code>{'{{visitor.name|there}}'}</code>.
      </p>
      {creating && (
        <CannedForm
          onSave={async (input) => {
            const { cannedResponse } = await api.createCannedResponse(input);
            workspace.canned.upsert(cannedResponse);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <label class="visually-hidden" for="canned-search">
        Search canned responses
      </label>
      <input
        id="canned-search"
        class="field__input"
        type="search"
        placeholder="Search shortcuts and texts"
        value={search}
        onInput={(event) => setSearch(event.currentTarget.value)}
        data-testid="op-canned-search"
      />
      {!loaded ? (
        <p class="screen__muted">Loading…</p>
      ) : shown.length === 0 ? (
        <p class="screen__muted">{all.length === 0 ? 'No canned responses yet.' : 'No canned response matches.'}</p>
      ) : (
        <ul class="canned-list">
          {shown.map((response) =>
            editing === response.id ? (
              <li key={response.id} class="canned-list__item">
                <CannedForm
                  initial={response}
                  onSave={async (input) => {
                    const { cannedResponse } = await api.updateCannedResponse(response.id, input);
                    workspace.canned.upsert(cannedResponse);
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <CannedRow key={response.id} response={response} onEdit={() => setEditing(response.id)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function CannedRow({ response, onEdit }: { response: CannedResponse; onEdit: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    try {
      await api.deleteCannedResponse(response.id);
      workspace.canned.remove(response.id);
    } catch (failure) {
      setError(errorText(failure));
      setConfirming(false);
    }
  }

  return (
    <li class="canned-list__item" data-testid="op-canned-row" data-shortcut={response.shortcut}>
      <div class="canned-row">
        <div class="canned-row__main">
          <span class="canned-row__shortcut">:{response.shortcut}</span>
          {response.description && <span class="canned-row__description">{response.description}</span>}
          <p class="canned-row__text">{response.substitution}</p>
          <p class="canned-row__usage">
            {response.useCount === 0 ? (
              'Never used'
            ) : (
              <>
                Used {response.useCount} {response.useCount === 1 ? 'time' : 'times'}
                {response.lastUsedAt && (
                  <>
                    , last <RelativeTime iso={response.lastUsedAt} />
                  </>
                )}
              </>
            )}
          </p>
        </div>
        <div class="canned-row__actions">
          {confirming ? (
            <>
              <span>Delete :{response.shortcut}?</span>
              <button
                type="button"
                class="button button--small button--danger"
                onClick={() => void remove()}
                data-testid="op-canned-confirm-delete"
              >
                Delete
              </button>
              <button type="button" class="button button--small button--quiet" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button type="button" class="button button--small" onClick={onEdit} data-testid="op-canned-edit">
                Edit
              </button>
              <button
                type="button"
                class="button button--small button--quiet"
                onClick={() => setConfirming(true)}
                data-testid="op-canned-delete"
              >
                Delete
              </button>
            </>
          )}
        </div>
      </div>
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function CannedForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: CannedResponse;
  onSave: (input: CannedResponseInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [shortcut, setShortcut] = useState(initial?.shortcut ?? '');
  const [substitution, setSubstitution] = useState(initial?.substitution ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      // The server is the judge of what is valid; its message is shown as it is.
      await onSave({ shortcut: shortcut.trim().replace(/^:/, ''), substitution, description: description.trim() });
    } catch (failure) {
      setError(errorText(failure));
      setSaving(false);
    }
  }

  return (
    <form
      class="canned-form"
      onSubmit={submit}
      data-testid="op-canned-form"
      aria-label={initial ? `Edit :${initial.shortcut}` : 'New canned response'}
    >
      <Field label="Shortcut">
        {(control) => (
          <span class="canned-form__shortcut">
            <span aria-hidden="true">:</span>
            <input
              class="field__input"
              {...control}
              value={shortcut}
              placeholder="sorry"
              autoComplete="off"
              onInput={(event) => setShortcut(event.currentTarget.value)}
              data-testid="op-canned-shortcut"
            />
          </span>
        )}
      </Field>
      <TextAreaField
        label="Text"
        rows={3}
        value={substitution}
        placeholder="I am sorry to hear that, {{visitor.name|there}}."
        onInput={(event) => setSubstitution(event.currentTarget.value)}
        data-testid="op-canned-substitution"
      />
      <TextField
        label={
          <>
            Description <span class="screen__muted">(optional)</span>
          </>
        }
        value={description}
        onInput={(event) => setDescription(event.currentTarget.value)}
        data-testid="op-canned-description"
      />
      {error && (
        <p class="form__error" role="alert" data-testid="op-canned-error">
          {error}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={saving} data-testid="op-canned-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
