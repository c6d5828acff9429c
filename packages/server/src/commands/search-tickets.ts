// /search_tickets KEYWORDS: tickets by number or words, newest first, ten at most with a link to all.

import { type Command, ok } from './command.ts';

export const SEARCH_PAGE = 10;

export const searchTickets: Command = {
  name: 'search_tickets',
  async run({ operator, args, available, deps }) {
    const { tickets, total, totalCapped } = await deps.store.helpdesk.searchTickets(args, 0, SEARCH_PAGE, operator);
    const count = totalCapped ? `${total}+` : `${total}`;
    if (tickets.length === 0) {
      const definition = available.find((command) => command.name === 'search_tickets');
      return {
        status: 'ok',
        lines: [
          { text: `No tickets found for "${args}".` },
          { text: `Usage: ${definition?.usage ?? '/search_tickets KEYWORDS'}` },
        ],
      };
    }
    const more =
      total > tickets.length
        ? [{ text: `See all ${count} tickets for "${args}"`, href: `#/tickets?q=${encodeURIComponent(args)}` }]
        : [];
    return ok(
      { text: `${count} ticket${total === 1 ? '' : 's'} found for "${args}":` },
      ...tickets.map((found) => ({
        text: `${found.title} (#${found.number})`,
        href: `#/tickets/${found.number}`,
        meta: found.createdAt,
      })),
      ...more,
    );
  },
};
