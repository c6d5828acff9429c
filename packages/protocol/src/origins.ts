// Allowed origins as an owner types them, one per line: normalised to what browsers send, or refused with why.

export type OriginCheck = { ok: true; origin: string } | { ok: false; problem: string };

/** A refused line of a list: its 1-based number, the text as typed, and what is wrong with it. */
export interface OriginLineProblem {
  line: number;
  text: string;
  problem: string;
}

export type OriginListCheck = { ok: true; origins: string[] } | { ok: false; problems: OriginLineProblem[] };

const SCHEME_AND_REST = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i;
const LOOKS_LIKE_SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const WEB_SCHEMES = new Set(['http', 'https']);
const PORT = /^\d{1,5}$/;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const refuse = (problem: string): OriginCheck => ({ ok: false, problem });

/**
 * One origin, exactly `scheme://host[:port]`: lower-cased scheme and host (international names in
 * punycode, as browsers send them), no default port, at most one trailing slash dropped.
 */
export function normaliseOrigin(typed: string): OriginCheck {
  const text = typed.trim();
  if (text === '') return refuse('the line is empty');
  if (text.includes('*')) return refuse('wildcards are not allowed: list each origin exactly');
  const parts = SCHEME_AND_REST.exec(text);
  if (!parts) return missingSlashes(text);
  const scheme = (parts[1] ?? '').toLowerCase();
  const rest = parts[2] ?? '';
  if (!WEB_SCHEMES.has(scheme)) return refuse(`only http and https pages can embed the chat, not ${scheme}`);
  const cut = rest.search(/[/?#\\]/);
  const authority = cut === -1 ? rest : rest.slice(0, cut);
  const tail = cut === -1 ? '' : rest.slice(cut);
  const base = normaliseAuthority(scheme, authority);
  const extra = tailProblem(tail, base.ok ? base.origin : `${scheme}://${authority}`);
  return extra ? refuse(extra) : base;
}

/** A line without `scheme://`: a bare host, or a scheme written wrongly. */
function missingSlashes(text: string): OriginCheck {
  const scheme = LOOKS_LIKE_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme && !WEB_SCHEMES.has(scheme)) return refuse(`only http and https pages can embed the chat, not ${scheme}`);
  if (scheme) return refuse(`write the scheme followed by ://, as in ${scheme}://example.com`);
  const host = text.replace(/^\/+/, '').split(/[/?#]/)[0] ?? '';
  return refuse(`it has no scheme: write https://${host} or http://${host}`);
}

/** What follows the host: nothing, or one trailing slash. */
function tailProblem(tail: string, bare: string): string | null {
  if (tail === '' || tail === '/') return null;
  if (tail.startsWith('\\')) return 'it has a backslash; an origin is scheme://host[:port]';
  const query = tail.indexOf('?');
  const fragment = tail.indexOf('#');
  const pathEnd = Math.min(...[query, fragment, tail.length].filter((index) => index >= 0));
  if (tail.slice(0, pathEnd) !== '' && tail.slice(0, pathEnd) !== '/') {
    return `it has a path (${tail.slice(0, pathEnd)}); an origin has none: use ${bare}`;
  }
  if (query !== -1 && (fragment === -1 || query < fragment)) return `it has a query (?…); use ${bare}`;
  return `it has a fragment (#…); use ${bare}`;
}

function normaliseAuthority(scheme: string, authority: string): OriginCheck {
  if (authority === '') return refuse('it has no host');
  if (authority.includes('@')) return refuse('it has user info (…@); an origin is scheme://host[:port]');
  if (/\s/.test(authority)) return refuse('the host has a space in it');
  const bracket = authority.lastIndexOf(']');
  const colon = authority.lastIndexOf(':');
  const hasPort = colon > bracket && !(bracket === -1 && authority.indexOf(':') !== colon);
  const host = hasPort ? authority.slice(0, colon) : authority;
  const port = hasPort ? authority.slice(colon + 1) : '';
  if (hasPort && (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    return refuse(`the port "${port}" is not a number from 1 to 65535`);
  }
  let url: URL;
  try {
    url = new URL(`${scheme}://${host}${hasPort ? `:${port}` : ''}`);
  } catch {
    return refuse(`the host "${host}" is not a valid host name`);
  }
  if (!validHost(url.hostname)) return refuse(`the host "${host}" is not a valid host name`);
  return { ok: true, origin: url.origin };
}

function validHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return hostname.endsWith(']');
  if (IPV4.test(hostname)) return true;
  return hostname.split('.').every((label) => LABEL.test(label));
}

/**
 * Lines of a textarea (or items of a list): blank ones are skipped, the rest normalised, duplicates
 * after normalisation dropped, first occurrence first. Any refused line refuses the whole list.
 */
export function normaliseOrigins(lines: readonly string[]): OriginListCheck {
  const origins = new Set<string>();
  const problems: OriginLineProblem[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const checked = normaliseOrigin(text);
    if (checked.ok) origins.add(checked.origin);
    else problems.push({ line: index + 1, text, problem: checked.problem });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, origins: [...origins] };
}

/** One sentence for a refused line, the same in the API's error and under the operator's textarea. */
export function describeOriginProblem({ line, text, problem }: OriginLineProblem): string {
  return `line ${line} (${text.trim()}): ${problem}`;
}
