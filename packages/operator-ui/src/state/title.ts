// The browser tab title, which carries the unread count so a background tab still signals new messages.

export const APP_TITLE = 'Live chat';

export function documentTitle(unread: number): string {
  return unread > 0 ? `(${unread > 99 ? '99+' : unread}) ${APP_TITLE}` : APP_TITLE;
}
