// While the panel is closed: the last unread operator message, short, beside the launcher; a click opens the chat.

import type { Strings } from '../i18n.ts';
import { shorten } from './preview-text.ts';

interface PreviewProps {
  /** The operator who wrote it, with their initials and colour. */
  name: string;
  initials: string;
  colour: string;
  body: string;
  strings: Strings;
  onOpen(): void;
  onDismiss(): void;
}

/** Props only, no store: this chunk stays apart from the panel's modules. */
export function Preview({ name, initials, colour, body, strings, onOpen, onDismiss }: PreviewProps) {
  return (
    <div class="preview" data-testid="lc-preview">
      <button type="button" class="open" onClick={onOpen} aria-label={`${name}: ${body} (${strings.openChat})`}>
        <span class="avatar" style={{ background: colour }} aria-hidden="true">
          {initials}
        </span>
        <span>
          <strong>{name}</strong>
          {shorten(body)}
        </span>
      </button>
      <button
        type="button"
        class="icon"
        aria-label={strings.dismiss}
        data-testid="lc-preview-close"
        onClick={onDismiss}
      >
        ✕
      </button>
    </div>
  );
}
