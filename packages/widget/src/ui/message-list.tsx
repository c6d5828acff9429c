// The conversation as a live log: the greeting first, then ended conversations, the open one's messages in seq
// order, and the visitor's unsent ones.

import type { Message } from '@livechat/protocol';
import { useRef } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { OutboxItem } from '../outbox.ts';
import type { Transcript } from './chat-state.ts';
import { Conversation } from './conversation.tsx';

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

/** Within this many pixels of the bottom, the visitor is following along and new messages scroll into view. */
const FOLLOW_THRESHOLD_PX = 80;

export function MessageList(props: MessageListProps) {
  const { messages, ended, outbox, strings } = props;
  const log = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const delivered = new Set(messages.map((message) => message.clientId));
  const pending = outbox.filter((item) => !delivered.has(item.clientId));

  const follow = () => {
    const element = log.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  };

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
          <p>{props.greeting}</p>
        </li>
        {ended.length + messages.length + pending.length > 0 && (
          <Conversation
            messages={messages}
            ended={ended}
            pending={pending}
            onRetry={props.onRetry}
            onDiscard={props.onDiscard}
            context={{ strings, lang: props.lang, seenSeq: props.seenSeq }}
            onRender={follow}
          />
        )}
      </ol>
    </div>
  );
}
