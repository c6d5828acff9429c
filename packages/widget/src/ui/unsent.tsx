// What a message the server refused says under it: why, and Retry or Delete.

import type { Strings } from '../i18n.ts';
import type { OutboxItem } from '../outbox.ts';

export const CSS = `
.note.failed{color:#b91c1c}
.note button{margin-inline-start:6px;padding:0;border:0;background:none;color:inherit;text-decoration:underline}
`;

export interface UnsentProps {
  item: OutboxItem;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  strings: Strings;
}

export function Unsent({ item, onRetry, onDiscard, strings }: UnsentProps) {
  return (
    <span class="note failed" role="alert">
      {strings.notSent} {item.error}
      <button type="button" onClick={() => onRetry(item.clientId)}>
        {strings.retry}
      </button>
      <button type="button" onClick={() => onDiscard(item.clientId)}>
        {strings.delete}
      </button>
    </span>
  );
}
