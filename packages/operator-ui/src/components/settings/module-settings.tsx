// Admin switches for the helpdesk and CRM modules, which decide which commands exist.

import type { ModuleSettings as Modules } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { api } from '../../transport/http.ts';
import { Loaded, useLoad } from '../load.tsx';

const MODULES: Array<{ key: keyof Modules; label: string; detail: string }> = [
  { key: 'helpdesk', label: 'Helpdesk', detail: 'Tickets, and the /ticket and /search_tickets commands.' },
  { key: 'crm', label: 'CRM', detail: 'Leads, and the /lead command.' },
];

export function ModuleSettings() {
  const [load, retry] = useLoad(() => api.modules(), []);
  const [modules, setModules] = useState<Modules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (load.state === 'ready') setModules(load.data);
  }, [load]);

  async function toggle(key: keyof Modules, on: boolean) {
    const before = modules;
    // The switch moves at once; a refusal puts it back and says why.
    if (before) setModules({ ...before, [key]: on });
    setSaving(true);
    setError(null);
    try {
      setModules(await api.updateModules({ [key]: on }));
    } catch (failure) {
      setModules(before);
      setError(errorText(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="settings-card" id="settings-modules" aria-labelledby="modules-heading">
      <h3 id="modules-heading" class="settings-card__title">
        Modules
      </h3>
      <Loaded load={load} what="module settings" retry={retry}>
        {() => (
          <div class="choices">
            {MODULES.map((module) => (
              <label key={module.key} class="switch switch--row">
                <input
                  type="checkbox"
                  role="switch"
                  class="switch__input"
                  checked={modules?.[module.key] ?? false}
                  disabled={saving}
                  onChange={(event) => void toggle(module.key, event.currentTarget.checked)}
                  data-testid={`op-module-${module.key}`}
                />
                <span class="switch__track" aria-hidden="true" />
                <span>
                  <strong>{module.label}</strong>
                  <span class="choice__detail">{module.detail}</span>
                </span>
              </label>
            ))}
          </div>
        )}
      </Loaded>
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
