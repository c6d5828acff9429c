// The conversation a reply email's token names, or why it names none: shared by the link and the reply address.

import type { Conversation } from '../conversations/repository.ts';
import type { Store } from '../db/store.ts';
import { CONVERSATION_TOKEN_DAYS, checkConversationToken } from './conversation-token.ts';

/** The signing key's name in the settings: one key for every conversation token. */
export const CONVERSATION_KEY = 'conversation';

export type TokenRefusal = 'forged' | 'expired' | 'unknown';

export type TokenConversation = { ok: true; conversation: Conversation } | { ok: false; reason: TokenRefusal };

/** A token that does not parse was not made here: it is as forged as one with a wrong signature. */
export async function conversationOfToken(store: Store, token: string, now = new Date()): Promise<TokenConversation> {
  const check = checkConversationToken(await store.settings.signingKey(CONVERSATION_KEY), token, now);
  if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'forged' };
  const conversation = await store.conversations.byId(check.conversationId);
  return conversation ? { ok: true, conversation } : { ok: false, reason: 'unknown' };
}

/** What the refusal says to people. */
export const TOKEN_REFUSALS: Record<TokenRefusal, string> = {
  forged: 'this link is forged: it was not made by this server',
  expired: `this link has expired: links from reply emails work for ${CONVERSATION_TOKEN_DAYS} days`,
  unknown: 'this link is unknown: its conversation does not exist here',
};
