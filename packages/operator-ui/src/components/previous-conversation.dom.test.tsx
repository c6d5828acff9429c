// A conversation that continues a resolved one links to it; others do not.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { aConversation } from '../test-fixtures.ts';

withBrowserGlobals();

describe('the link to a previous conversation', () => {
  it('appears on a conversation with `previousConversationId`, and opens that conversation', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { workspace } = await import('../state/live.ts');
    const { ConversationView } = await import('./conversation-view.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    workspace.applyServerFrame({ type: 'conversation.updated', conversation: aConversation({ id: 'c-old' }) });
    workspace.applyServerFrame({
      type: 'conversation.updated',
      conversation: aConversation({ id: 'c-new', previousConversationId: 'c-old' }),
    });

    act(() => render(<ConversationView conversationId="c-old" />, root));
    expect(root.querySelector('[data-testid="op-previous-conversation"]')).toBeNull();

    act(() => render(<ConversationView conversationId="c-new" />, root));
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="op-previous-conversation"]');
    expect(link?.textContent).toBe('↩ Continues a resolved conversation');
    expect(link?.getAttribute('href')).toBe('#/conversations/c-old');
    act(() => render(null, root));
  });
});
