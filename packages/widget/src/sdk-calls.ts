// The SDK calls a page makes on demand, identify() and setAttributes(): fetched with their first call, so that
// the core an opened chat loads does not carry them. The core queues nothing itself: each call awaits this module.

import type { IdentifyResult } from '@livechat/protocol';
import type { AttributeValue, ChatUser } from './api.ts';
import { ChatError, errorFromResponse } from './errors.ts';
import type { VisitorSession } from './visitor-session.ts';

/** What the calls need of the chat they belong to. */
export interface CallContext {
  session: VisitorSession;
  /** Waits for the site's answer; rejects when the chat is destroyed or the site refused. */
  usable(): Promise<void>;
  /** Throws when the chat was destroyed meanwhile. */
  alive(): void;
  /** Mounts the panel again for a new identity, connecting when asked to. */
  remount(connect: boolean): void;
  json(body: unknown): RequestInit;
  /** The core's own check (email-address.ts), which the UI's chunks import from it too. */
  isEmail(text: string): boolean;
}

export async function identify(chat: CallContext, user: ChatUser): Promise<void> {
  await chat.usable();
  if (!user || user.id === undefined || user.id === null || `${user.id}` === '') {
    throw new ChatError('bad_request', 'identify() needs the user’s id');
  }
  const { id, name, email, hash } = user;
  if (email !== undefined && email !== null && !chat.isEmail(`${email}`.trim())) {
    throw new ChatError('bad_request', 'identify() needs a valid email, or none');
  }
  const response = await chat.session.fetch('/identify', chat.json({ id: `${id}`, name, email, hash }));
  if (!response.ok) throw await errorFromResponse(response);
  const result = (await response.json()) as IdentifyResult;
  chat.alive();
  if (result.token) chat.session.adopt(result.token, result.visitorId);
  // The socket knows the visitor by what they were when it connected: reconnect as who they are now.
  chat.remount(result.token !== null);
}

export async function setAttributes(chat: CallContext, attributes: Record<string, AttributeValue>): Promise<void> {
  await chat.usable();
  const values = Object.fromEntries(
    Object.entries(attributes ?? {}).map(([key, value]) => [key, value === null ? null : `${value}`]),
  );
  const response = await chat.session.fetch('/attributes', chat.json({ attributes: values }));
  if (!response.ok) throw await errorFromResponse(response);
}
