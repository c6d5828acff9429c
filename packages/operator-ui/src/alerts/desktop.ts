// Desktop notifications: the browser's permission as a signal, asked only from a click, and showing one.

import { signal } from '@preact/signals';
import type { Alert, DesktopPermission } from './decide.ts';

function readPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export const desktopPermission = signal<DesktopPermission>(readPermission());

/** The operator may have changed it in the browser's site settings meanwhile. */
export function refreshPermission(): void {
  desktopPermission.value = readPermission();
}

/** Only ever called from the operator's click: browsers ignore or penalise asking on load. */
export async function askPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  try {
    desktopPermission.value = await Notification.requestPermission();
  } catch {
    refreshPermission();
  }
}

export function showDesktop(alert: Alert, open: (conversationId: string) => void): void {
  if (typeof Notification === 'undefined') return;
  try {
    // One notification per conversation: a newer one replaces the older instead of piling up.
    const shown = new Notification(alert.title, { body: alert.body, tag: `livechat-${alert.conversationId}` });
    shown.onclick = () => {
      window.focus();
      open(alert.conversationId);
      shown.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the sound still plays.
  }
}
