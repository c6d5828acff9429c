// Admin management of sites: the list, a new site, and one site's editor with its snippet, identity and archive.

import type { SiteDetails } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { sortSites } from '../../state/site-form.ts';
import { siteApi } from '../../transport/accounts.ts';
import { CopyableText } from '../copy-text.tsx';
import { Loaded, useLoad } from '../load.tsx';
import { SiteArchive } from './site-archive.tsx';
import { SiteEditor } from './site-editor.tsx';
import { SiteIdentity } from './site-identity.tsx';

export function SiteSettings() {
  const [load, retry] = useLoad(() => siteApi.list(), []);
  const [sites, setSites] = useState<SiteDetails[]>([]);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (load.state === 'ready') setSites(sortSites(load.data.sites));
  }, [load]);

  const replace = (site: SiteDetails) =>
    setSites((current) => sortSites([...current.filter((known) => known.id !== site.id), site]));

  return (
    <section class="settings-card" id="settings-sites" aria-labelledby="sites-heading">
      <div class="settings-card__head">
        <h3 id="sites-heading" class="settings-card__title">
          Sites
        </h3>
        <button
          type="button"
          class="button button--primary button--small"
          onClick={() => {
            setCreating(true);
            setOpen(null);
          }}
          disabled={creating}
          data-testid="op-site-new"
        >
          New site
        </button>
      </div>
      <p class="settings-card__lead">
        Each website that shows the chat: where the widget may run, how it looks, and the lines to paste into its pages.
      </p>
      {creating && (
        <div class="site-new">
          <SiteEditor
            site={null}
            onSaved={(site) => {
              replace(site);
              setCreating(false);
              // Straight on to the snippet, which is what the owner needs next.
              setOpen(site.id);
            }}
            onClose={() => setCreating(false)}
          />
        </div>
      )}
      <Loaded load={load} what="sites" retry={retry}>
        {() =>
          sites.length === 0 ? (
            <p class="screen__muted">No sites yet. Create one to get the install snippet.</p>
          ) : (
            <ul class="site-list">
              {sites.map((site) => (
                <SiteRow
                  key={site.id}
                  site={site}
                  open={open === site.id}
                  onToggle={() => setOpen(open === site.id ? null : site.id)}
                  onSaved={replace}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function SiteRow({
  site,
  open,
  onToggle,
  onSaved,
}: {
  site: SiteDetails;
  open: boolean;
  onToggle: () => void;
  onSaved: (site: SiteDetails) => void;
}) {
  return (
    <li
      class={`site-list__item${site.archived ? ' site-list__item--archived' : ''}`}
      data-testid="op-site"
      data-site-id={site.id}
      data-archived={site.archived ? 'true' : undefined}
    >
      <div class="site-row">
        <div class="site-row__main">
          <span class="site-row__name">
            {site.name}
            {site.archived && <span class="tag tag--archived">Archived</span>}
          </span>
          {site.allowedOrigins.length === 0 ? (
            <span class="site-row__none">No allowed origins: the widget runs on no page yet.</span>
          ) : (
            <ul class="site-row__origins" aria-label="Allowed origins">
              {site.allowedOrigins.map((origin) => (
                <li key={origin}>
                  <code>{origin}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button
          type="button"
          class="button button--small"
          aria-expanded={open}
          onClick={onToggle}
          data-testid="op-site-edit"
        >
          {open ? 'Close' : 'Edit'}
        </button>
      </div>
      {open && (
        <div class="site-detail">
          <SiteEditor site={site} onSaved={onSaved} onClose={onToggle} />
          <section class="site-panel" aria-labelledby={`snippet-${site.id}`}>
            <h4 id={`snippet-${site.id}`} class="site-panel__title">
              Install
            </h4>
            <p class="settings-card__lead">
              Paste these lines before <code>{'</head>'}</code> on every page of the site.
            </p>
            <CopyableText text={site.snippet} testId="op-site-snippet" label="Copy the install snippet" block />
          </section>
          <SiteIdentity siteId={site.id} onRequireChange={(on) => onSaved({ ...site, requireIdentity: on })} />
          <SiteArchive site={site} onSaved={onSaved} />
        </div>
      )}
    </li>
  );
}
