// Pages reached by a one-time link (`/operator/setup#TOKEN`, `/operator/accept#TOKEN`) rather than a hash route.

export type Entry =
  | { page: 'setup'; token: string | null }
  | { page: 'accept'; token: string | null }
  | { page: 'app' };

const LINK_PAGE = /\/(setup|accept)\/?$/;

/** The token travels in the fragment so that it never reaches a server log or a Referer header. */
export function parseEntry(pathname: string, hash: string): Entry {
  const match = LINK_PAGE.exec(pathname);
  if (!match) return { page: 'app' };
  const page = match[1] === 'setup' ? 'setup' : 'accept';
  return { page, token: tokenOf(hash) };
}

function tokenOf(hash: string): string | null {
  const raw = hash.replace(/^#/, '').trim();
  // `#/…` is a workspace route, not a token.
  if (raw === '' || raw.startsWith('/')) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Where the workspace lives, seen from a link page: `/operator/setup` → `/operator/`. */
export function workspacePath(pathname: string): string {
  return pathname.replace(LINK_PAGE, '/');
}
