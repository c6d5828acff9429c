// Archiving a site (its data is kept, its widget says chat is not available) and bringing it back.

import type { SiteDetails } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { siteApi } from '../../transport/accounts.ts';
import { ConfirmInline } from '../confirm-inline.tsx';

export function SiteArchive({ site, onSaved }: { site: SiteDetails; onSaved: (site: SiteDetails) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function setArchived(archived: boolean) {
    setBusy(true);
    setError(null);
    try {
      onSaved((await siteApi.update(site.id, { archived })).site);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section class="site-panel" aria-labelledby={`archive-${site.id}`}>
      <h4 id={`archive-${site.id}`} class="site-panel__title">
        {site.archived ? 'Archived' : 'Archive'}
      </h4>
      <p class="settings-card__lead">
        {site.archived
          ? 'Its conversations and contacts are kept; the widget on its pages shows that chat is not available.'
          : 'Archiving keeps every conversation and contact; the widget on its pages then shows that chat is not available.'}
      </p>
      <div class="form__actions">
        {site.archived ? (
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void setArchived(false)}
            data-testid="op-site-unarchive"
          >
            Unarchive
          </button>
        ) : confirming ? (
          <ConfirmInline
            label={`Confirm archiving ${site.name}`}
            question={<>Archive {site.name}? Visitors can no longer start a chat there.</>}
            action="Archive"
            busy={busy}
            onConfirm={() => void setArchived(true)}
            onKeep={() => setConfirming(false)}
            testId="op-site-archive-confirm"
          />
        ) : (
          <button
            type="button"
            class="button button--small"
            onClick={() => setConfirming(true)}
            data-testid="op-site-archive"
          >
            Archive site
          </button>
        )}
      </div>
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
