// CRM lead pages: the list (`#/leads`) and one lead (`#/leads/<id>`).

import { Contact } from '../components/contact.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { ShowMore, useMore } from '../components/more.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { api } from '../transport/http.ts';
import { conversationHref, leadHref } from './route.ts';

const PAGE_SIZE = 25;

export function LeadsPage() {
  const [load, retry] = useLoad(() => api.leads({ limit: PAGE_SIZE }), []);
  const { extra, loading, more } = useMore(async (offset) => (await api.leads({ offset, limit: PAGE_SIZE })).leads);

  return (
    <section class="screen" aria-labelledby="leads-heading">
      <header class="screen__header">
        <h2 id="leads-heading" class="screen__title">
          Leads
        </h2>
      </header>
      <Loaded load={load} what="leads" retry={retry}>
        {({ leads, total }) => {
          const shown = [...leads, ...extra];
          if (shown.length === 0)
            return <p class="screen__muted">No leads yet. Create one with /lead in a conversation.</p>;
          return (
            <>
              <p class="screen__muted">{total} leads, newest first</p>
              <div class="records__scroll">
                <table class="records">
                  <thead>
                    <tr>
                      <th scope="col">Title</th>
                      <th scope="col">Contact</th>
                      <th scope="col">Source</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((lead) => (
                      <tr key={lead.id} data-testid="op-lead-row">
                        <td>
                          <a href={leadHref(lead.id)}>{lead.title}</a>
                        </td>
                        <td>
                          <Contact name={lead.contactName} email={lead.contactEmail} />
                        </td>
                        <td>{lead.source}</td>
                        <td>
                          <RelativeTime iso={lead.createdAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ShowMore shown={shown.length} total={total} loading={loading} onMore={(offset) => void more(offset)} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

export function LeadPage({ leadId }: { leadId: string }) {
  const [load, retry] = useLoad(() => api.lead(leadId), [leadId]);
  return (
    <section class="screen" aria-label="Lead">
      <a class="screen__back" href="#/leads">
        ← All leads
      </a>
      <Loaded load={load} what="lead" retry={retry}>
        {({ lead }) => (
          <article class="record" data-testid="op-lead">
            <header class="record__header">
              <h2 class="screen__title">{lead.title}</h2>
              <span class="tag tag--source">{lead.source}</span>
            </header>
            <dl class="facts record__facts">
              <dt>Contact</dt>
              <dd>
                <Contact name={lead.contactName} email={lead.contactEmail} />
              </dd>
              <dt>Created</dt>
              <dd>
                <RelativeTime iso={lead.createdAt} /> by {lead.createdByName}
              </dd>
              {lead.conversationId && (
                <>
                  <dt>From</dt>
                  <dd>
                    <a href={conversationHref(lead.conversationId)}>the live chat conversation</a>
                  </dd>
                </>
              )}
            </dl>
            <h3 class="record__heading">Internal notes</h3>
            <pre class="record__text" data-testid="op-lead-notes">
              {lead.internalNotes || 'No notes.'}
            </pre>
          </article>
        )}
      </Loaded>
    </section>
  );
}
