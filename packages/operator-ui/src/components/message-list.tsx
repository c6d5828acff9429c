// The conversation's history: stored messages, operator-only notices and unsent messages, in order.

import type { CommandLine, CommandResult, Message } from '@livechat/protocol';
import type { ComponentChildren } from 'preact';
import { isAppRoute } from '../routes/route.ts';
import { displayUrl, httpUrl } from '../state/links.ts';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { discardSend, retrySend, workspace } from '../state/live.ts';
import {
  around,
  holdAt,
  LATEST,
  showEarlier,
  showLater,
  type WindowAnchor,
  windowRange,
} from '../state/message-window.ts';
import { systemLineText } from '../state/system-lines.ts';
import { clockTime } from '../state/time.ts';
import type { Notice, PendingSend, RunningCommand, TimelineItem } from '../state/timeline.ts';
import { LinkedText } from './links.tsx';
import { RelativeTime } from './relative-time.tsx';

/** How close to the bottom counts as "following along", so new messages scroll into view. */
const FOLLOW_THRESHOLD_PX = 80;
/** How close to the window's top or bottom edge brings the next step of messages in. */
const EDGE_PX = 300;

/** An item on screen and its distance from the scroller's top, to put it back there after the window changed. */
interface ScrollHold {
  key: string;
  offset: number;
}

export function MessageList({
  items,
  emptyText,
  before,
  focusSeq = null,
  onFocused,
}: {
  items: readonly TimelineItem[];
  emptyText: string;
  /** Shown above the messages: the visitor's earlier conversations. */
  before?: ComponentChildren;
  /** A message to bring into view (a search result), once it is loaded. */
  focusSeq?: number | null;
  onFocused?: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const hold = useRef<ScrollHold | null>(null);
  const [anchor, setAnchor] = useState<WindowAnchor>(LATEST);
  const keys = useMemo(() => items.map((item) => item.key), [items]);
  const { start, end } = windowRange(keys, anchor);
  const later = keys.length - end;
  const newestKey = keys.at(-1);
  const newestIsOwnSend = items.at(-1)?.kind === 'pending';

  // Sending a message shows it, wherever the operator had scrolled to.
  useLayoutEffect(() => {
    if (!newestIsOwnSend || anchor.lastKey === null) return;
    following.current = true;
    setAnchor(LATEST);
  }, [newestKey]);

  // Keep the newest message visible unless the operator scrolled up to read older ones.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (focusSeq !== null && showFocused(element, focusSeq)) {
      following.current = false;
      onFocused?.();
      return;
    }
    if (focusSeq !== null) {
      const index = items.findIndex((item) => item.kind === 'message' && item.message.seq === focusSeq);
      if (index >= 0 && (index < start || index >= end)) {
        setAnchor(around(keys, index));
        return;
      }
    }
    const held = hold.current;
    hold.current = null;
    if (held) {
      restoreHold(element, list.current, keys, start, held);
      return;
    }
    if (following.current) element.scrollTop = element.scrollHeight;
  }, [items, focusSeq, start, end]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    following.current = fromBottom < FOLLOW_THRESHOLD_PX && later === 0;
    let next = anchor;
    if (element.scrollTop < EDGE_PX) next = showEarlier(keys, next);
    else if (fromBottom < EDGE_PX && later > 0) next = showLater(keys, next);
    else if (!following.current) next = holdAt(keys, next);
    if (next === anchor) return;
    hold.current = holdOf(element, list.current, keys, start);
    setAnchor(next);
  }

  function jumpToLatest() {
    following.current = true;
    hold.current = null;
    setAnchor(LATEST);
  }

  return (
    <div class="history-frame">
      <div class="history" ref={scroller} onScroll={onScroll} role="log" aria-label="Messages" tabIndex={0}>
        {start === 0 && before}
        {items.length === 0 ? (
          <p class="history__empty">{emptyText}</p>
        ) : (
          <ol class="history__list" ref={list} data-first={start} data-count={items.length}>
            {items
              .slice(start, end)
              .map((item) =>
                item.kind === 'message' ? (
                  <MessageItem key={item.key} message={item.message} />
                ) : item.kind === 'notice' ? (
                  <NoticeItem key={item.key} notice={item.notice} />
                ) : item.kind === 'command' ? (
                  <CommandResultItem key={item.key} result={item.result} />
                ) : item.kind === 'running' ? (
                  <RunningItem key={item.key} command={item.command} />
                ) : (
                  <PendingItem key={item.key} send={item.pending} />
                ),
              )}
          </ol>
        )}
      </div>
      {(later > 0 || anchor.lastKey !== null) && (
        <button
          type="button"
          class="button button--small history__latest"
          onClick={jumpToLatest}
          data-testid="op-jump-latest"
        >
          {later > 0 ? `Jump to latest (${later} more)` : 'Jump to latest'}
        </button>
      )}
    </div>
  );
}

function showFocused(element: HTMLElement, seq: number): boolean {
  const found = element.querySelector<HTMLElement>(`.history__list > [data-seq="${seq}"]`);
  if (!found) return false;
  found.classList.add('message--found');
  found.scrollIntoView({ block: 'center' });
  return true;
}

/** The first item at least partly on screen, and where it is. */
function holdOf(
  element: HTMLElement,
  list: HTMLOListElement | null,
  keys: readonly string[],
  start: number,
): ScrollHold | null {
  if (!list) return null;
  const children = [...list.children] as HTMLElement[];
  const top = element.getBoundingClientRect().top;
  const index = children.findIndex((child) => child.getBoundingClientRect().bottom > top);
  const child = children[index];
  const key = keys[start + index];
  if (!child || key === undefined) return null;
  return { key, offset: child.getBoundingClientRect().top - top };
}

/** Earlier messages joined above, or old ones left: the item that was on screen goes back to its place. */
function restoreHold(
  element: HTMLElement,
  list: HTMLOListElement | null,
  keys: readonly string[],
  start: number,
  held: ScrollHold,
): void {
  const child = list?.children[keys.indexOf(held.key) - start];
  if (!child) return;
  const offset = child.getBoundingClientRect().top - element.getBoundingClientRect().top;
  element.scrollTop += offset - held.offset;
}

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
      <p class="message__body">
        <LinkedText text={message.body} />
      </p>
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

function NoticeItem({ notice }: { notice: Notice }) {
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
function CommandResultItem({ result }: { result: CommandResult }) {
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

function RunningItem({ command }: { command: RunningCommand }) {
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

function PendingItem({ send }: { send: PendingSend }) {
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
      <p class="message__body">
        <LinkedText text={send.body} />
      </p>
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
