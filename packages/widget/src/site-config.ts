// The site's widget settings as the server keeps them (GET /api/sites/:siteId/widget), and how the page's own settings override them.

import type { WidgetSettings } from '@livechat/protocol';

/** What the server answered: its status and JSON body, or null when nothing could be read (network, CORS, not JSON). */
export interface SiteAnswer {
  status: number;
  body: unknown;
}

/** Asks once per page; the loader hands the same answer to the core, so the core never asks again. */
export const askSite = (server: string, siteId: string): Promise<SiteAnswer | null> =>
  fetch(`${server}/api/sites/${encodeURIComponent(siteId)}/widget`)
    .then(async (response) => ({ status: response.status, body: await response.json() }))
    .catch(() => null);

/** The fields an owner sets on the server; only these are taken from its answer. */
const SITE_FIELDS = [
  'color',
  'position',
  'title',
  'greeting',
  'locale',
  'prechat',
] as const satisfies readonly (keyof WidgetSettings)[];

/** The server's widget settings from a 200 answer, or none. */
export function siteSettings(answer: SiteAnswer | null): Partial<WidgetSettings> {
  const widget = answer?.status === 200 ? (answer.body as { widget?: unknown } | null)?.widget : null;
  return typeof widget === 'object' && widget !== null ? widget : {};
}

/**
 * The page's settings over the server's: whatever the page says (a data-* attribute, LiveChatSettings,
 * createChat options) wins over each field; what it leaves unsaid comes from the server.
 */
export function withSiteSettings<T extends object>(server: Partial<WidgetSettings>, page: T): T {
  const merged: Record<string, unknown> = { ...(page as Record<string, unknown>) };
  for (const field of SITE_FIELDS) {
    if (merged[field] == null && server[field] != null) merged[field] = server[field];
  }
  return merged as T;
}
