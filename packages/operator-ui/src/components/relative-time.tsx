// A timestamp shown as "3 min ago", with the exact time on hover and for assistive technology.

import { now } from '../state/browser.ts';
import { relativeTime } from '../state/time.ts';

export function RelativeTime({ iso, class: className }: { iso: string; class?: string }) {
  const exact = Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toLocaleString();
  return (
    <time class={className} dateTime={iso} title={exact}>
      {relativeTime(iso, now.value)}
    </time>
  );
}
