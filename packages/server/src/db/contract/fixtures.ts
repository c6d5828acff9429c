// What the Store contract's tests share: a fresh store per test, and the sites, people and
// conversations a story starts from, made through the Store itself so that any implementation can run them.

import { createHash, randomUUID } from 'node:crypto';
import type { Author, Message, OperatorProfile, OperatorRole, Visibility } from '@livechat/protocol';
import { afterEach, beforeEach } from 'vitest';
import type { Conversation } from '../../conversations/repository.ts';
import type { NewUpload, Upload, UploadOwner } from '../../files/repository.ts';
import type { Site } from '../../sites/repository.ts';
import type { Visitor } from '../../visitors/repository.ts';
import type { Store } from '../store.ts';

/** A store on its own empty database, and how to let go of it. */
export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

export type OpenStore = () => Promise<OpenedStore>;

/**
 * Opens an empty store before each test of the enclosing `describe` and closes it after, so that no
 * test sees another's rows. Call the returned function inside a test.
 */
export function freshStore(open: OpenStore): () => Store {
  let opened: OpenedStore | null = null;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });
  return () => {
    if (!opened) throw new Error('the store is opened for each test, not outside one');
    return opened.store;
  };
}

export const aSite = (store: Store, name = 'Shop'): Promise<Site> =>
  store.sites.create({ name, allowedOrigins: ['https://shop.example'] });

/** A visitor as the widget makes one: a fresh token on the site. */
export const aVisitor = (store: Store, siteId: string, name = 'Ada'): Promise<Visitor> =>
  store.visitors.create(siteId, `token-${randomUUID()}`, { name });

export const anOperator = (store: Store, name: string, role: OperatorRole = 'operator'): Promise<OperatorProfile> =>
  store.operators.create({
    name,
    email: `${name.toLowerCase()}@example.com`,
    passwordHash: `hash of ${name}'s password`,
    role,
    notify: 'inbox',
  });

/** Where most stories start: one visitor's open conversation on a site. */
export interface Chat {
  site: Site;
  visitor: Visitor;
  conversation: Conversation;
}

export async function aChat(store: Store, visitorName = 'Ada', site?: Site): Promise<Chat> {
  const where = site ?? (await aSite(store));
  const visitor = await aVisitor(store, where.id, visitorName);
  const { conversation } = await store.conversations.findOrCreateOpen(where.id, visitor.id);
  return { site: where, visitor, conversation };
}

export const asVisitor = (visitor: Visitor): Author => ({
  kind: 'visitor',
  id: visitor.id,
  name: visitor.name ?? 'Visitor',
});

export const asOperator = (operator: OperatorProfile): Author => ({
  kind: 'operator',
  id: operator.id,
  name: operator.name,
});

/** The chat's visitor saying `body` in public, with the uploads given: the message as stored. */
export async function visitorSays(
  store: Store,
  chat: Chat,
  body: string,
  attachmentIds: string[] = [],
): Promise<Message> {
  const { conversation, visitor } = chat;
  const author = asVisitor(visitor);
  const input = { conversationId: conversation.id, author, body, visibility: 'public' as const, clientId: null };
  return (await store.messages.append({ ...input, attachmentIds })).message;
}

/** An operator writing `body` in the chat, to the visitor or (`operator`) as a note: the message as stored. */
export async function operatorSays(
  store: Store,
  chat: Chat,
  operator: OperatorProfile,
  body: string,
  visibility: Visibility = 'public',
  attachmentIds: string[] = [],
): Promise<Message> {
  const input = {
    conversationId: chat.conversation.id,
    author: asOperator(operator),
    body,
    visibility,
    clientId: null,
  };
  return (await store.messages.append({ ...input, attachmentIds })).message;
}

export const visitorOwner = (chat: Chat): UploadOwner => ({
  kind: 'visitor',
  visitorId: chat.visitor.id,
  siteId: chat.site.id,
});

/** The SHA-256 (hex) that names some bytes in file storage. */
export const hashOf = (bytes: string): string => createHash('sha256').update(bytes).digest('hex');

/** An upload's row as the upload route records it once the bytes are stored under their hash. */
export const anUpload = (
  store: Store,
  owner: UploadOwner,
  name = 'invoice.pdf',
  hash = hashOf(randomUUID()),
): Promise<Upload> => {
  const upload: NewUpload = { owner, hash, name, size: 1234, mime: 'application/pdf', kind: 'pdf' };
  return store.uploads.create(upload);
};

/**
 * Waits until the clock has moved on, so that rows made one after the other never share a time and an
 * order by time is the order they were made in.
 */
export async function aMomentLater(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** A time this far from now, as the repositories store times. */
export const fromNow = (ms: number): string => new Date(Date.now() + ms).toISOString();
