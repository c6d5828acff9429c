// Whether a server frame deserves a desktop notification and a sound, and what it says: pure, no browser here.

import { type AlertPreferences, type ServerToClient, visitorLabel } from '@livechat/protocol';

export type AlertKind = 'new-conversation' | 'message' | 'mention' | 'assigned' | 'queue-waiting';

export interface Alert {
  kind: AlertKind;
  conversationId: string;
  title: string;
  body: string;
}

export interface AlertContext {
  selfId: string | null;
  /** Whether the conversation was known to this client before the frame came. */
  known(conversationId: string): boolean;
  /** Whether this operator is in the conversation (assigned or a member). */
  mine(conversationId: string): boolean;
  openConversationId: string | null;
  pageVisible: boolean;
}

const EXCERPT = 120;

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
}

export function alertFor(frame: ServerToClient, context: AlertContext): Alert | null {
  switch (frame.type) {
    case 'conversation.updated': {
      const conversation = frame.conversation;
      const takeable =
        conversation.memberIds.length === 0 ||
        (context.selfId !== null && conversation.assignedOperatorId === context.selfId);
      if (conversation.status !== 'open' || !takeable || context.known(conversation.id)) return null;
      return {
        kind: 'new-conversation',
        conversationId: conversation.id,
        title: `New conversation: ${visitorLabel(conversation.visitor)}`,
        body: conversation.lastMessage ? excerpt(conversation.lastMessage.body) : 'A visitor is waiting.',
      };
    }
    case 'message.created': {
      const message = frame.message;
      if (message.author.kind !== 'visitor' || message.visibility !== 'public') return null;
      if (!context.mine(message.conversationId)) return null;
      const watching = context.pageVisible && context.openConversationId === message.conversationId;
      if (watching) return null;
      return {
        kind: 'message',
        conversationId: message.conversationId,
        title: message.author.name ? `${message.author.name} wrote` : 'New message',
        body: excerpt(message.body),
      };
    }
    case 'notification.created': {
      const notification = frame.notification;
      if (notification.readAt !== null) return null;
      const mention = notification.kind === 'mention';
      return {
        kind: mention ? 'mention' : 'assigned',
        conversationId: notification.conversationId,
        title: mention
          ? `${notification.authorName} mentioned you`
          : `${notification.authorName} assigned you a conversation`,
        body: excerpt(notification.excerpt),
      };
    }
    case 'queue.waiting':
      return {
        kind: 'queue-waiting',
        conversationId: frame.conversation.id,
        title: `${visitorLabel(frame.conversation.visitor)} is still waiting`,
        body: frame.conversation.lastMessage
          ? excerpt(frame.conversation.lastMessage.body)
          : 'Nobody has taken it yet.',
      };
    default:
      return null;
  }
}

export type DesktopPermission = NotificationPermission | 'unsupported';

/** Both on by default; a desktop notification also needs the browser's permission. */
export function alertChannels(
  preferences: Partial<AlertPreferences> | undefined,
  permission: DesktopPermission,
): { sound: boolean; desktop: boolean } {
  return {
    sound: preferences?.sound ?? true,
    desktop: (preferences?.desktop ?? true) && permission === 'granted',
  };
}

/** One tone for a burst of alerts: a frame storm after a reconnect must not ring ten times. */
export const SOUND_GAP_MS = 1_500;

export function soundDue(lastPlayedAt: number | null, now: number): boolean {
  return lastPlayedAt === null || now - lastPlayedAt >= SOUND_GAP_MS;
}
