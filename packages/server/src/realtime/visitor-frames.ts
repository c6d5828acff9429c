// What a visitor connection's frames do.

import type { VisitorToServer } from '@livechat/protocol';
import type { Gateway } from './gateway.ts';
import type { VisitorSession } from './sessions.ts';

export async function handleVisitorFrame(gateway: Gateway, session: VisitorSession, frame: VisitorToServer) {
  const { store, conversations, bus } = gateway.deps;
  const { connection, visitor } = session;
  switch (frame.type) {
    case 'message.send': {
      const message = await conversations.visitorSend(visitor, frame, connection.id, session.conversationId);
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
    case 'ping':
      connection.send({ type: 'pong', id: frame.id });
      return;
    default: {
      const unhandled: never = frame;
      throw new Error(`unhandled visitor frame ${JSON.stringify(unhandled)}`);
    }
  }
}
