// The conversation as a live log: ended conversations, then the open one's messages in seq order, then the visitor's unsent ones.

import type { Message } from '@livechat/protocol';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { OutboxItem } from '../outbox.ts';
import type { Transcript } from './chat-state.ts';
import { linkify } from './linkify.ts';
import { colourOf, initialsOf, markOf, timeLabel } from './message-meta.ts';
import { systemLine } from './system-line.ts';

interface MessageListProps {
  messages: readonly Message[];
  ended: readonly Transcript[];
  outbox: readonly OutboxItem[];
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  strings: Strings;
  greeting: string;
  /** The visitor's language, for times. */
  lang: string;
  /** The visitor's messages up to this seq are seen. */
  seenSeq: number;
}

/** What each message needs besides itself. */
interface ItemContext {
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
      {timeLabel(at, lang)}
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
      <Body text={message.body} />
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
}: { item: OutboxItem } & Pick<MessageListProps, 'onRetry' | 'onDiscard' | 'strings'>) {
  return (
    <li class="msg visitor pending" data-testid="lc-message" data-author="visitor" data-pending="">
      <Body text={item.body} />
      {item.error ? (
        <span class="note failed" role="alert">
          {strings.notSent} {item.error}
          <button type="button" onClick={() => onRetry(item.clientId)}>
            {strings.retry}
          </button>
          <button type="button" onClick={() => onDiscard(item.clientId)}>
            {strings.delete}
          </button>
        </span>
      ) : (
        <span class="note">{strings.sending}</span>
      )}
    </li>
  );
}

/** Within this many pixels of the bottom, the visitor is following along and new messages scroll into view. */
const FOLLOW_THRESHOLD_PX = 80;

/** Where one conversation ends and the next begins. */
function Divider({ strings }: { strings: Strings }) {
  return (
    <li class="divider" data-testid="lc-new-conversation">
      <span>{strings.newConversation}</span>
    </li>
  );
}

export function MessageList(props: MessageListProps) {
  const { messages, ended, outbox, onRetry, onDiscard, strings, greeting } = props;
  const context: ItemContext = { strings, lang: props.lang, seenSeq: props.seenSeq };
  const log = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const delivered = new Set(messages.map((message) => message.clientId));
  const pending = outbox.filter((item) => !delivered.has(item.clientId));

  useLayoutEffect(() => {
    const element = log.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [messages, ended, pending.length]);

  const onScroll = () => {
    const element = log.current;
    if (element)
      following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX;
  };

  return (
    <div
      class="log"
      ref={log}
      onScroll={onScroll}
      role="log"
      aria-live="polite"
      aria-label={strings.messages}
      tabIndex={0}
    >
      <ol>
        {/* The greeting stays the conversation's first bubble, however long it grows. */}
        <li class="msg operator greeting" data-testid="lc-greeting">
          <p>{greeting}</p>
        </li>
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
      </ol>
    </div>
  );
}
