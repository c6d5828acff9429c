// Who may receive what: the single rule that keeps operator-only data away from visitors.

import type { ServerToClient } from './frames.ts';

export const VISIBILITIES = ['public', 'operator'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The kind of connection or route a payload is about to reach. */
export type Audience = 'visitor' | 'operator';

/** Anything that carries a visibility: messages, events, frames. */
export interface HasVisibility {
  visibility: Visibility;
}

/**
 * Decides whether a payload of the given visibility may reach the given audience.
 * Visitors receive `public` payloads only; operators receive both.
 */
export function mayReceive(audience: Audience, visibility: Visibility): boolean {
  return audience === 'operator' || visibility === 'public';
}

/** Keeps the items a given audience may see, in their original order. */
export function visibleTo<T extends HasVisibility>(audience: Audience, items: readonly T[]): T[] {
  return items.filter((item) => mayReceive(audience, item.visibility));
}

/**
 * The visibility of a whole server frame. Every frame type must be listed: adding a frame
 * without deciding who may see it is a compile error.
 */
export function frameVisibility(frame: ServerToClient): Visibility {
  switch (frame.type) {
    case 'welcome':
    case 'error':
    case 'pong':
    case 'typing':
    case 'sync.result':
    case 'conversation.closed':
    case 'conversation.seen':
      return 'public';
    case 'message.ack':
    case 'message.created':
      return frame.message.visibility;
    case 'conversation.updated':
    case 'conversation.removed':
    case 'page.viewed':
    case 'command.result':
    case 'commands.available':
    case 'canned.changed':
    case 'canned.deleted':
    case 'notification.created':
    case 'notifications.read':
    case 'queue.waiting':
      return 'operator';
    default: {
      const unhandled: never = frame;
      throw new Error(`frame without a visibility: ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The one gate between a server frame and a connection: returns the frame as the audience may
 * see it (operator-only parts removed), or null when nothing of it may reach that audience.
 */
export function frameFor(audience: Audience, frame: ServerToClient): ServerToClient | null {
  if (!mayReceive(audience, frameVisibility(frame))) return null;
  if (frame.type === 'sync.result' && audience === 'visitor') {
    return { ...frame, messages: visibleTo(audience, frame.messages) };
  }
  return frame;
}
