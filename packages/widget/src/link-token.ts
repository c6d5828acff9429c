// Whether the page was opened from a reply email's link (`#livechat=TOKEN`): the core checks, the rest loads if so.

const FRAGMENT = /^#livechat=([a-z0-9]+)$/i;

/** The conversation token in the page's fragment, or null. */
export const linkToken = (hash: string): string | null => FRAGMENT.exec(hash)?.[1] ?? null;
