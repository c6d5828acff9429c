// The header's inbox: unread mention count, and a panel of notifications that open their conversation.

import type { Notification } from '@livechat/protocol';
import { useRef, useState } from 'preact/hooks';
import { conversationHref } from '../routes/route.ts';
import { markNotificationsRead, workspace } from '../state/live.ts';
import { useDismiss } from './dismiss.ts';
import { RelativeTime } from './relative-time.tsx';

export function InboxButton() {
  const unread = workspace.inbox.unread.value;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // The panel closes on Esc and on a click anywhere else, like a menu.
  useDismiss(open, root, () => setOpen(false));

  return (
    <div class="inbox" ref={root}>
      <button
        type="button"
        class="button button--quiet inbox__button"
        aria-expanded={open}
        aria-controls="inbox-panel"
        onClick={() => setOpen(!open)}
        data-testid="op-inbox"
      >
        <svg class="inbox__icon" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M10 2a5 5 0 0 0-5 5v3.2L3.4 13a1 1 0 0 0 .9 1.5h11.4a1 1 0 0 0 .9-1.5L15 10.2V7a5 5 0 0 0-5-5Zm-2 14a2 2 0 0 0 4 0H8Z" />
        </svg>
        Inbox
        <span
          class={`badge inbox__count${unread === 0 ? ' inbox__count--zero' : ''}`}
          data-testid="op-inbox-count"
          aria-live="polite"
        >
          {unread}
        </span>
        <span class="visually-hidden">unread</span>
      </button>
      {open && <InboxPanel onClose={() => setOpen(false)} />}
    </div>
  );
}

function InboxPanel({ onClose }: { onClose: () => void }) {
  const notifications = workspace.inbox.notifications.value;
  const loaded = workspace.inbox.loaded.value;
  const unread = workspace.inbox.unread.value;
  return (
    <div class="inbox__panel" id="inbox-panel" role="region" aria-label="Notifications">
      <div class="inbox__head">
        <h2 class="inbox__title">Notifications</h2>
        <button
          type="button"
          class="button button--small button--quiet"
          disabled={unread === 0}
          onClick={() => void markNotificationsRead()}
        >
          Mark all read
        </button>
      </div>
      {notifications.length === 0 ? (
        <p class="inbox__empty">
          {loaded
            ? 'Nothing yet. When someone @mentions you or hands you a conversation, it shows up here.'
            : 'Loading…'}
        </p>
      ) : (
        <ul class="inbox__list">
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={onClose} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const unread = notification.readAt === null;
  return (
    <li>
      <a
        class={`notification${unread ? ' notification--unread' : ''}`}
        href={conversationHref(notification.conversationId)}
        data-testid="op-notification"
        data-read={unread ? 'false' : 'true'}
        onClick={() => {
          if (unread) void markNotificationsRead([notification.id]);
          onOpen();
        }}
      >
        <span class="notification__top">
          <span class="notification__who">
            <strong>{notification.authorName}</strong>{' '}
            {notification.kind === 'assigned' ? 'assigned you a conversation' : 'mentioned you'}
          </span>
          <RelativeTime class="notification__time" iso={notification.createdAt} />
        </span>
        <span class="notification__excerpt">{notification.excerpt}</span>
      </a>
    </li>
  );
}
