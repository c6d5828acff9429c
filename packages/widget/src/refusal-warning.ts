// The console line a site owner reads when the server refuses the embed, in a chunk of its own: only a refused page loads it.

import type { RefusalCode } from './refusal.ts';

/** The one console line a site owner reads to fix the embed: what is wrong and what to do. */
export function refusalWarning(code: RefusalCode, pageOrigin: string, siteId: string, server: string): string {
  if (code === 'bad_origin') {
    return (
      `[livechat] chat is not available on ${pageOrigin}: it is not an allowed origin of site "${siteId}". ` +
      `Add ${pageOrigin} to the allowed origins of site ${siteId} in Settings → Sites (${server}/operator/).`
    );
  }
  return (
    `[livechat] chat is not available on ${pageOrigin}: ${server} has no site "${siteId}", or it is archived. ` +
    `Check data-site against the site id in Settings → Sites (${server}/operator/), or restore the site there.`
  );
}
