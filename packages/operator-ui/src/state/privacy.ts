// The visitor panel's privacy actions, their pure parts: the erase confirmation, the export's file, what was erased.

import type { VisitorErased } from '@livechat/protocol';

/** The word that confirms an erasure, besides the visitor's id. */
export const ERASE_WORD = 'ERASE';

export function eraseConfirmed(typed: string, visitorId: string): boolean {
  const value = typed.trim();
  return value === ERASE_WORD || (value !== '' && value === visitorId);
}

/** The same name the server gives the export in its `content-disposition`. */
export function exportFileName(visitorId: string): string {
  return `visitor-${visitorId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function erasedSummary(erased: VisitorErased): string {
  const parts = [
    count(erased.conversations, 'conversation', 'conversations'),
    count(erased.messages, 'message', 'messages'),
    count(erased.pageViews, 'page view', 'page views'),
  ];
  const kept =
    erased.redactedRecords > 0
      ? ` ${count(erased.redactedRecords, 'ticket or lead keeps', 'tickets and leads keep')} a redacted reference.`
      : '';
  return `Erased: ${parts.join(', ')}.${kept}`;
}
