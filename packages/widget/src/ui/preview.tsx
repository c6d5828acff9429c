// While the panel is closed (a chunk of its own, never needed while the chat is open): the last unread operator message, short, beside the launcher; a click opens the chat.

import type { Strings } from '../i18n.ts';
import { colourOf, initialsOf } from './message-meta.ts';
import type { ChatState } from './chat-state.ts';
import { previewMessage, shorten } from './preview-message.ts';

export const CSS = `
.preview{position:fixed;right:88px;bottom:24px;z-index:2147483000;display:flex;align-items:flex-start;max-width:min(300px,calc(100vw - 108px));background:#fff;color:#1f2937;border-radius:14px;box-shadow:0 6px 24px rgba(0,0,0,.18);font:14px/1.4 system-ui,sans-serif}
:host([position=left]) .preview{right:auto;left:88px}
.preview .open{display:flex;gap:8px;padding:10px 4px 10px 12px;border:0;background:none;color:inherit;text-align:start}
.preview strong{display:block;font-size:12px}
.preview .avatar{flex:none;align-self:start}
.preview .icon{flex:none;width:28px;height:28px;color:#6b7280}
`;

interface PreviewProps {
  state: ChatState;
  strings: Strings;
  onOpen(): void;
  onDismiss(): void;
}

export function Preview({ state, strings, onOpen, onDismiss }: PreviewProps) {
  const message = previewMessage(state);
  if (!message) return null;
  const { body } = message;
  const { id, name } = message.author;
  return (
    <div class="preview" data-testid="lc-preview">
      <button type="button" class="open" onClick={onOpen} aria-label={`${name}: ${body} (${strings.openChat})`}>
        <span class="avatar" style={{ background: colourOf(id ?? name) }} aria-hidden="true">
          {initialsOf(name)}
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
