// Hash routes of the operator UI (`#/conversations/<id>`), so the server needs no history fallback.

export interface Route {
  conversationId: string | null;
}

export function parseRoute(hash: string): Route {
  const match = /^#?\/conversations\/([^/?#]+)\/?$/.exec(hash);
  if (!match?.[1]) return { conversationId: null };
  try {
    return { conversationId: decodeURIComponent(match[1]) };
  } catch {
    return { conversationId: null };
  }
}

export function conversationHref(conversationId: string): string {
  return `#/conversations/${encodeURIComponent(conversationId)}`;
}
