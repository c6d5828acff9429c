// What an operator connection's frames do.

import type { OperatorToServer } from '@livechat/protocol';
import { operatorAuthor } from '../conversations/service.ts';
import type { Gateway } from './gateway.ts';
import type { OperatorSession } from './sessions.ts';

export async function handleOperatorFrame(gateway: Gateway, session: OperatorSession, frame: OperatorToServer) {
  const { store, conversations, bus } = gateway.deps;
  const { connection, operator } = session;
  switch (frame.type) {
    case 'message.send': {
      const message = await conversations.operatorSend(
        operator,
        frame.conversationId,
        {
          clientId: frame.clientId,
          body: frame.body,
          visibility: frame.visibility ?? 'public',
          mentionIds: frame.mentionIds ?? [],
          cannedIds: frame.cannedIds ?? [],
          attachmentIds: frame.attachmentIds ?? [],
        },
        connection.id,
      );
      await connection.acknowledge(frame.id, message);
      return;
    }
    case 'sync': {
      const conversation = await conversations.readable(operator, frame.conversationId);
      await gateway.openFeed(connection, conversation.id, frame.afterSeq, frame.id);
      return;
    }
    case 'typing.set': {
      const conversation = await conversations.readable(operator, frame.conversationId);
      bus.publish({
        kind: 'typing',
        conversationId: conversation.id,
        visitorId: conversation.visitorId,
        author: operatorAuthor(operator),
        active: frame.active,
      });
      return;
    }
    case 'conversation.read': {
      const conversation = await conversations.readable(operator, frame.conversationId);
      const seenBefore = await store.readMarks.seenSeq(conversation.id);
      await store.conversations.markRead(conversation.id, operator.id, Math.min(frame.seq, conversation.lastSeq));
      const seen = await store.readMarks.seenSeq(conversation.id);
      // The visitor's messages up to it show as seen; only a marker that moved forward says anything new.
      if (seen > seenBefore) {
        bus.publish({
          kind: 'to-visitor',
          visitorId: conversation.visitorId,
          frame: { type: 'conversation.seen', conversationId: conversation.id, seq: seen },
        });
      }
      await gateway.sendSummaryTo(operator, conversation);
      return;
    }
    case 'command.run': {
      const deferred: Array<() => void> = [];
      const result = await gateway.deps.commands.run(
        operator,
        frame.conversationId,
        frame.name.toLowerCase(),
        frame.args.trim(),
        deferred,
      );
      // To every connection of this operator (their other tabs too), and to no one else.
      bus.publish({
        kind: 'to-operator',
        operatorId: operator.id,
        frame: { type: 'command.result', id: frame.id, result },
      });
      for (const effect of deferred) effect();
      return;
    }
    case 'ping':
      connection.send({ type: 'pong', id: frame.id });
      return;
    default: {
      const unhandled: never = frame;
      throw new Error(`unhandled operator frame ${JSON.stringify(unhandled)}`);
    }
  }
}
