// Helpdesk ticket pages: the searchable list (`#/tickets?q=`) and one ticket (`#/tickets/<number>`).

import type { Ticket } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { Contact } from '../components/contact.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { ShowMore, useMore } from '../components/more.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { navigate } from '../state/browser.ts';
import { api } from '../transport/http.ts';
import { conversationHref, ticketHref, ticketsHref } from './route.ts';

const PAGE_SIZE = 25;

const STATUS_LABEL: Record<Ticket['status'], string> = { new: 'New', in_progress: 'In progress', solved: 'Solved' };

export function TicketsPage({ query }: { query: string }) {
  const [draft, setDraft] = useState(query);
  const [load, retry] = useLoad(() => api.tickets(query, { limit: PAGE_SIZE }), [query]);
  const { extra, loading, more, reset } = useMore(
    async (offset) => (await api.tickets(query, { offset, limit: PAGE_SIZE })).tickets,
  );

  useEffect(() => {
    setDraft(query);
    reset();
  }, [query]);

  return (
    <section class="screen" aria-labelledby="tickets-heading">
      <header class="screen__header">
        <h2 id="tickets-heading" class="screen__title">
          Tickets
        </h2>
        <form
          class="search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(ticketsHref(draft.trim()));
          }}
        >
          <label class="visually-hidden" for="ticket-search">
            Search tickets
          </label>
          <input
            id="ticket-search"
            class="field__input search__input"
            type="search"
            placeholder="Number (#42) or keywords"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            data-testid="op-ticket-search"
          />
          <button type="submit" class="button">
            Search
          </button>
        </form>
      </header>
      <Loaded load={load} what="tickets" retry={retry}>
        {({ tickets, total }) => {
          const shown = [...tickets, ...extra];
          if (shown.length === 0) {
            return (
              <p class="screen__muted">
                {query
                  ? `No tickets found for “${query}”.`
                  : 'No tickets yet. Create one with /ticket in a conversation.'}
              </p>
            );
          }
          return (
            <>
              <p class="screen__muted">{query ? `${total} found for “${query}”` : `${total} tickets`}, newest first</p>
              <div class="records__scroll">
                <table class="records">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Title</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Team</th>
                      <th scope="col">Status</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((ticket) => (
                      <tr key={ticket.number} data-testid="op-ticket-row">
                        <td class="records__number">{ticket.number}</td>
                        <td>
                          <a href={ticketHref(ticket.number)}>{ticket.title}</a>
                        </td>
                        <td>
                          <Contact name={ticket.customerName} email={ticket.customerEmail} />
                        </td>
                        <td>{ticket.teamName}</td>
                        <td>
                          <span class={`tag tag--${ticket.status}`}>{STATUS_LABEL[ticket.status]}</span>
                        </td>
                        <td>
                          <RelativeTime iso={ticket.createdAt} />
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

export function TicketPage({ number }: { number: number }) {
  const [load, retry] = useLoad(() => api.ticket(number), [number]);
  return (
    <section class="screen" aria-label={`Ticket ${number}`}>
      <a class="screen__back" href={ticketsHref()}>
        ← All tickets
      </a>
      <Loaded load={load} what="ticket" retry={retry}>
        {({ ticket }) => (
          <article class="record" data-testid="op-ticket">
            <header class="record__header">
              <h2 class="screen__title">
                {ticket.title} <span class="record__number">(#{ticket.number})</span>
              </h2>
              <span class={`tag tag--${ticket.status}`}>{STATUS_LABEL[ticket.status]}</span>
            </header>
            <dl class="facts record__facts">
              <dt>Customer</dt>
              <dd>
                <Contact name={ticket.customerName} email={ticket.customerEmail} />
              </dd>
              <dt>Team</dt>
              <dd>{ticket.teamName}</dd>
              <dt>Created</dt>
              <dd>
                <RelativeTime iso={ticket.createdAt} /> by {ticket.createdByName}
              </dd>
              {ticket.conversationId && (
                <>
                  <dt>From</dt>
                  <dd>
                    <a href={conversationHref(ticket.conversationId)}>the live chat conversation</a>
                  </dd>
                </>
              )}
            </dl>
            <h3 class="record__heading">Description</h3>
            <pre class="record__text" data-testid="op-ticket-description">
              {ticket.description || 'No description.'}
            </pre>
          </article>
        )}
      </Loaded>
    </section>
  );
}
