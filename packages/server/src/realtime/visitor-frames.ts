// What a visitor connection's frames do.

import type { VisitorToServer } from '@livechat/protocol';
import type { Gateway } from './gateway.ts';
import type { VisitorSession } from './sessions.ts';

/**
 * The visitor's open conversation or, once it closed, the one the widget still shows: the one this
 * socket wrote in, else the visitor's newest (its last replies can be read after it was resolved).
 */
async function readableConversation(gateway: Gateway, session: VisitorSession): Promise<string | null> {
  const { store } = gateway.deps;
  const { visitor } = session;
  const open = await store.conversations.openRefByVisitor(visitor.siteId, visitor.id);
  if (open) return open.id;
  if (session.conversationId) return session.conversationId;
  const [newest] = await store.conversations.byVisitor(visitor.id);
  return newest?.siteId === visitor.siteId ? newest.id : null;
}

export async function handleVisitorFrame(gateway: Gateway, session: VisitorSession, frame: VisitorToServer) {
  const { store, conversations, bus } = gateway.deps;
  const { connection, visitor } = session;
  switch (frame.type) {
    case 'message.send': {
      // A message over the token's rate is refused; one that would open a conversation, over the address's.
      const { limiter, settings } = gateway.deps.limits;
      await limiter.consume(`messages:token:${session.tokenHash}`, settings.messagesPerToken, 'messages');
      const newConversation = () =>
        limiter.consume(`conversations:ip:${session.address}`, settings.conversationsPerIp, 'new conversations');
      // The conversation this socket wrote to, else the one it was welcomed to: tried without a read.
      const openId = session.conversationId ?? session.welcomedConversationId;
      const message = await conversations.visitorSend(visitor, frame, connection.id, openId, newConversation);
      session.conversationId = message.conversationId;
      await connection.acknowledge(frame.id, message);
      return;
    }
    case 'sync': {
      const conversation = await store.conversations.openRefByVisitor(visitor.siteId, visitor.id);
      if (!conversation) {
        connection.send({ type: 'sync.result', id: frame.id, conversationId: null, messages: [], lastSeq: 0 });
        return;
      }
      await gateway.openFeed(connection, conversation.id, frame.afterSeq, frame.id);
      return;
    }
    case 'typing.set': {
      const conversation = await store.conversations.openRefByVisitor(visitor.siteId, visitor.id);
      if (!conversation) return;
      bus.publish({
        kind: 'typing',
        conversationId: conversation.id,
        visitorId: visitor.id,
        author: { kind: 'visitor', id: visitor.id, name: visitor.name ?? 'Visitor' },
        active: frame.active,
      });
      return;
    }
    case 'conversation.end': {
      // The visitor's sockets, this one included, hear `conversation.closed` once it is closed.
      await conversations.endByVisitor(visitor);
      session.conversationId = undefined;
      return;
    }
    case 'conversation.read': {
      const conversationId = await readableConversation(gateway, session);
      if (!conversationId) {
        connection.error('bad_request', 'there is no conversation to mark read', frame.id);
        return;
      }
      const lastSeq = (await store.messages.last(conversationId))?.seq ?? 0;
      if (frame.seq > lastSeq) {
        connection.error(
          'bad_request',
          `seq ${frame.seq} is past the conversation's last message (${lastSeq})`,
          frame.id,
        );
        return;
      }
      await store.readMarks.visitorRead(conversationId, frame.seq);
      return;
    }
    case 'ping':
      connection.send({ type: 'pong', id: frame.id });
      return;
    default: {
      const unhandled: never = frame;
      throw new Error(`unhandled visitor frame ${JSON.stringify(unhandled)}`);
    }
  }
}
