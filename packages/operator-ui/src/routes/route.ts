// Hash routes of the operator UI (`#/conversations/<id>`, `#/tickets/42`, …), so the server needs no history fallback.

export type Route =
  | { view: 'conversations'; conversationId: string | null }
  | { view: 'tickets'; query: string }
  | { view: 'ticket'; number: number }
  | { view: 'leads' }
  | { view: 'lead'; leadId: string }
  | { view: 'settings' };

const HOME: Route = { view: 'conversations', conversationId: null };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
  const search = new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '');
  const parts = path.split('/').filter((part) => part !== '');
  const [section, id, ...rest] = parts;
  if (rest.length > 0) return HOME;
  const decoded = id === undefined ? null : decode(id);
  if (id !== undefined && decoded === null) return HOME;
  switch (section) {
    case 'conversations':
      return { view: 'conversations', conversationId: decoded };
    case 'tickets': {
      if (decoded === null) return { view: 'tickets', query: search.get('q') ?? '' };
      const number = Number(decoded.replace(/^#/, ''));
      return Number.isSafeInteger(number) && number > 0 ? { view: 'ticket', number } : HOME;
    }
    case 'leads':
      return decoded === null ? { view: 'leads' } : { view: 'lead', leadId: decoded };
    case 'settings':
      return decoded === null ? { view: 'settings' } : HOME;
    default:
      return HOME;
  }
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function conversationHref(conversationId: string): string {
  return `#/conversations/${encodeURIComponent(conversationId)}`;
}

export function ticketsHref(query = ''): string {
  return query ? `#/tickets?q=${encodeURIComponent(query)}` : '#/tickets';
}

export function ticketHref(number: number): string {
  return `#/tickets/${number}`;
}

export function leadHref(leadId: string): string {
  return `#/leads/${encodeURIComponent(leadId)}`;
}

/** A link from a command result or notification: in-app routes stay in the tab. */
export function isAppRoute(href: string): boolean {
  return href.startsWith('#/');
}
