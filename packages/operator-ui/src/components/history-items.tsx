// The items of a conversation's history: messages, system lines, notices, command answers, and unsent messages.

import type { Attachment, CommandLine, CommandResult, Message } from '@livechat/protocol';
import { isAppRoute } from '../routes/route.ts';
import { formatBytes } from '../state/attachments.ts';
import { displayUrl, httpUrl } from '../state/links.ts';
import { discardSend, retrySend, workspace } from '../state/live.ts';
import { systemLineText } from '../state/system-lines.ts';
import { clockTime } from '../state/time.ts';
import type { Notice, PendingSend, RunningCommand } from '../state/timeline.ts';
import { Attachments } from './attachments.tsx';
import { LinkedText } from './links.tsx';
import { RelativeTime } from './relative-time.tsx';

export function MessageItem({ message }: { message: Message }) {
  if (message.author.kind === 'system') return <SystemLine message={message} />;
  const selfId = workspace.operator.value?.id;
  const own = message.author.kind === 'operator' && message.author.id === selfId;
  const internal = message.visibility === 'operator';
  const name = own ? 'You' : message.author.name || 'Visitor';
  return (
    <li
      class={`message message--${message.author.kind}${own ? ' message--own' : ''}${internal ? ' message--internal' : ''}`}
      data-testid="op-message"
      data-visibility={message.visibility}
      data-author={message.author.kind}
      data-seq={message.seq}
    >
      <div class="message__meta">
        <span class="message__author">{name}</span>
        <time dateTime={message.createdAt} title={new Date(message.createdAt).toLocaleString()}>
          {clockTime(message.createdAt)}
        </time>
      </div>
      {internal && <p class="message__label">Only operators see this</p>}
      {message.body !== '' && (
        <p class="message__body">
          <LinkedText text={message.body} />
        </p>
      )}
      <Attachments attachments={message.attachments} />
    </li>
  );
}

/** "Alice joined", "Alice resolved the conversation": centred, between the messages, not a bubble. */
function SystemLine({ message }: { message: Message }) {
  const internal = message.visibility === 'operator';
  return (
    <li
      class={`system-line${internal ? ' system-line--internal' : ''}`}
      data-testid="op-message"
      data-visibility={message.visibility}
      data-author="system"
      data-seq={message.seq}
    >
      <span class="system-line__text">{systemLineText(message, workspace.operator.value?.name ?? null)}</span>
      <time dateTime={message.createdAt} title={new Date(message.createdAt).toLocaleString()}>
        {clockTime(message.createdAt)}
      </time>
    </li>
  );
}

export function NoticeItem({ notice }: { notice: Notice }) {
  return (
    <li
      class="message message--system message--internal message--notice"
      data-testid="op-message"
      data-visibility="operator"
      data-author="system"
    >
      <p class="message__label">Only you see this</p>
      <p class="message__body">{notice.text}</p>
      {notice.detail && <p class="message__detail">{notice.detail}</p>}
    </li>
  );
}

/** A command's answer: only the operator who ran it ever sees it, so it looks unlike the chat. */
export function CommandResultItem({ result }: { result: CommandResult }) {
  return (
    <li
      class={`message message--command${result.status === 'ok' ? '' : ' message--command-problem'}`}
      data-testid="op-message"
      data-visibility="operator"
      data-author="command"
      data-status={result.status}
    >
      <div class="message__meta">
        <code class="command__input">{result.input}</code>
        <time dateTime={result.createdAt} title={new Date(result.createdAt).toLocaleString()}>
          {clockTime(result.createdAt)}
        </time>
      </div>
      <p class="message__label">Only you see this</p>
      <ul class="command__lines">
        {result.lines.map((line, index) => (
          <li key={index} class="command__line">
            <CommandLineText line={line} />
            {line.meta && <CommandMeta meta={line.meta} />}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** In-app routes open here; http(s) links open a new tab; anything else stays text. */
function CommandLineText({ line }: { line: CommandLine }) {
  if (line.href && isAppRoute(line.href)) {
    return (
      <a class="command__link" href={line.href} data-testid="op-command-link">
        {line.text}
      </a>
    );
  }
  const external = line.href ? httpUrl(line.href) : null;
  if (external) {
    const url = displayUrl(external);
    // Two pages with the same title are told apart by their URL (`/history`).
    const showUrl = line.text.trim() !== external && line.text.trim() !== url;
    return (
      <>
        <a
          class="command__link"
          href={external}
          target="_blank"
          rel="noopener noreferrer nofollow"
          data-testid="op-command-link"
        >
          {line.text}
        </a>
        {showUrl && (
          <span class="command__url" data-testid="op-command-url">
            {url}
          </span>
        )}
      </>
    );
  }
  return <span class="command__text">{line.text}</span>;
}

/** Secondary text; a timestamp (as `/history` gives) reads better as "3 min ago". */
function CommandMeta({ meta }: { meta: string }) {
  if (/^\d{4}-\d{2}-\d{2}T/.test(meta) && !Number.isNaN(Date.parse(meta))) {
    return <RelativeTime class="command__meta" iso={meta} />;
  }
  if (httpUrl(meta) !== null) return <span class="command__meta command__url">{displayUrl(meta)}</span>;
  return <span class="command__meta">{meta}</span>;
}

export function RunningItem({ command }: { command: RunningCommand }) {
  return (
    <li
      class="message message--command message--pending"
      data-testid="op-message"
      data-visibility="operator"
      data-author="command"
      data-pending="running"
    >
      <div class="message__meta">
        <code class="command__input">{command.input}</code>
        <span>Running…</span>
      </div>
    </li>
  );
}

export function PendingItem({ send }: { send: PendingSend }) {
  const internal = send.visibility === 'operator';
  const failed = send.status === 'failed';
  return (
    <li
      class={`message message--operator message--own message--pending${internal ? ' message--internal' : ''}${failed ? ' message--failed' : ''}`}
      data-testid="op-message"
      data-visibility={send.visibility}
      data-author="operator"
      data-pending={send.status}
    >
      <div class="message__meta">
        <span class="message__author">You</span>
        <span>{failed ? 'Not sent' : 'Sending…'}</span>
      </div>
      {internal && <p class="message__label">Only operators see this</p>}
      {send.body !== '' && (
        <p class="message__body">
          <LinkedText text={send.body} />
        </p>
      )}
      {send.attachments && <PendingFiles attachments={send.attachments} />}
      {failed && (
        <div class="message__actions">
          <span class="message__error" role="alert">
            {send.error}
          </span>
          <button type="button" class="button button--small" onClick={() => retrySend(send.frameId)}>
            Retry
          </button>
          <button type="button" class="button button--small button--quiet" onClick={() => discardSend(send.frameId)}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

/** Files of a message not stored yet: their names, as the server has no URL for them before the message exists. */
function PendingFiles({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ul class="attachments attachments--pending" aria-label="Files">
      {attachments.map((attachment) => (
        <li key={attachment.id} class="attachment attachment--file">
          <span class="attachment__name">{attachment.name}</span>
          <span class="attachment__meta">{formatBytes(attachment.size)}</span>
        </li>
      ))}
    </ul>
  );
}
