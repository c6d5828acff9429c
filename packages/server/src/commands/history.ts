// /history: the visitor's most recent distinct pages, newest first, from the server's page views.

import { type Command, ok } from './command.ts';

export const HISTORY_LIMIT = 15;

export const history: Command = {
  name: 'history',
  async run({ conversation, deps }) {
    const pages = await deps.store.visitors.recentDistinctPages(conversation.visitorId, HISTORY_LIMIT);
    if (pages.length === 0) return ok({ text: 'The visitor has not viewed any page yet.' });
    return ok(
      { text: `Last ${pages.length} page${pages.length === 1 ? '' : 's'} the visitor viewed:` },
      // The URL in the text too: two pages with the same title are told apart.
      ...pages.map((page) => ({
        text: page.title ? `${page.title} — ${page.url}` : page.url,
        href: page.url,
        meta: page.viewedAt,
      })),
    );
  },
};
