// A conversation's messages, the visitor's unsent ones and the lines between conversations. Part of the UI chunk:
// a returning visitor with messages is the common opened state, and a chunk of its own cost more than it saved.

import type { Attachment, Message } from '@livechat/protocol';
import { useLayoutEffect } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { OutboxItem } from '../outbox.ts';
import type { Transcript } from './chat-state.ts';
import { lazy } from './lazy.tsx';
import { linkify } from './linkify.ts';
import { colourOf, initialsOf, markOf, timeLabel, timeLocale } from './message-meta.ts';
import { systemLine } from './system-line.ts';

export const CSS = `
.avatar{grid-row:1/4;align-self:end;display:grid;place-items:center;width:28px;height:28px;border-radius:50%;color:#fff;font-size:11px;font-weight:600}
.msg.visitor{align-self:flex-end}
.msg.visitor p{background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff)}
.msg.visitor a{color:inherit}
.msg.system{align-self:center;max-width:100%}
.msg.system p{padding:2px 8px;background:none;color:#6b7280;font-size:13px;text-align:center}
.who{display:block;margin:0 0 2px;margin-inline-start:4px;color:#6b7280;font-size:12px}
.note{display:block;margin:2px 4px 0;color:#6b7280;font-size:12px;text-align:end}
.msg.operator .note{text-align:start}
.pending p{opacity:.7}
.mark{margin-inline-start:4px;letter-spacing:-3px}
.mark.seen{color:var(--lc-accent,#2563eb);font-weight:700}
`;

// A refused message's reason and actions, with their words: few messages are ever refused.
const Unsent = lazy(() => import('./unsent.tsx').then((m) => ({ component: m.Unsent, css: m.CSS })), true);

// Files in messages load with the first message that has some.
const Attachments = lazy(() => import('./attachments.tsx').then((m) => ({ component: m.Attachments, css: m.CSS })));

/** A message's files, then its text: a caption-less message has no empty bubble. */
function Content({ text, files }: { text: string; files?: Attachment[] | undefined }) {
  return (
    <>
      {files?.length ? <Attachments files={files} /> : null}
      {text && <Body text={text} />}
    </>
  );
}

/** What each message needs besides itself. */
export interface ItemContext {
  strings: Strings;
  lang: string;
  seenSeq: number;
}

function Body({ text }: { text: string }) {
  return (
    <p>
      {linkify(text).map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}

function Time({ at, lang }: { at: string; lang: string }) {
  return (
    <time class="at" dateTime={at} data-testid="lc-time">
      {timeLabel(at, timeLocale(lang, navigator.languages))}
    </time>
  );
}

/** The operator's initials in their colour, beside their messages; their name is said in the line above. */
function Avatar({ id, name }: { id: string | null; name: string }) {
  return (
    <span class="avatar" style={{ background: colourOf(id ?? name) }} aria-hidden="true" data-testid="lc-avatar">
      {initialsOf(name)}
    </span>
  );
}

function MessageItem({ message, context }: { message: Message; context: ItemContext }) {
  const { strings, lang, seenSeq } = context;
  const kind = message.author.kind;
  if (kind === 'system') {
    return (
      <li class="msg system" data-testid="lc-message" data-author="system">
        <p>{systemLine(message, strings)}</p>
      </li>
    );
  }
  const mark = kind === 'visitor' ? markOf(message.seq, seenSeq) : null;
  return (
    <li class={`msg ${kind}`} data-testid="lc-message" data-author={kind}>
      {kind === 'operator' && <Avatar id={message.author.id} name={message.author.name} />}
      {kind === 'operator' && <span class="who">{message.author.name}</span>}
      <Content text={message.body} files={message.attachments} />
      <span class="note">
        <Time at={message.createdAt} lang={lang} />
        {mark && (
          <span class={`mark ${mark}`} data-testid="lc-mark" data-state={mark} role="img" aria-label={strings[mark]}>
            {mark === 'seen' ? '✓✓' : '✓'}
          </span>
        )}
      </span>
    </li>
  );
}

function PendingItem({
  item,
  onRetry,
  onDiscard,
  strings,
}: { item: OutboxItem } & Pick<ConversationProps, 'onRetry' | 'onDiscard'> & { strings: Strings }) {
  return (
    <li class="msg visitor pending" data-testid="lc-message" data-author="visitor" data-pending="">
      <Content text={item.body} files={item.attachments} />
      {item.error ? (
        <Unsent item={item} onRetry={onRetry} onDiscard={onDiscard} strings={strings} />
      ) : (
        <span class="note">{strings.sending}</span>
      )}
    </li>
  );
}

// Where one conversation ends and the next begins, with its words: only a returning visitor's panel has one.
const Divider = lazy(() => import('./divider.tsx').then((m) => ({ component: m.Divider, css: m.CSS })), true);

export interface ConversationProps {
  messages: readonly Message[];
  ended: readonly Transcript[];
  pending: readonly OutboxItem[];
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  context: ItemContext;
  /** Called after every render, so the log can follow what was added. */
  onRender(): void;
}

export function Conversation({ messages, ended, pending, onRetry, onDiscard, context, onRender }: ConversationProps) {
  const { strings } = context;
  useLayoutEffect(onRender);
  return (
    <>
      {ended.map((transcript, index) => [
        index > 0 && <Divider key={`divider-${transcript.conversationId}`} strings={strings} />,
        transcript.messages.map((message) => <MessageItem key={message.id} message={message} context={context} />),
      ])}
      {ended.length > 0 && messages.length + pending.length > 0 && <Divider key="divider" strings={strings} />}
      {messages.map((message) => (
        <MessageItem key={message.clientId ?? message.id} message={message} context={context} />
      ))}
      {pending.map((item) => (
        <PendingItem key={item.clientId} item={item} onRetry={onRetry} onDiscard={onDiscard} strings={strings} />
      ))}
    </>
  );
}
