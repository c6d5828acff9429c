// The conversation's history as a window of its items: the newest followed, earlier ones added as the operator scrolls up.

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  around,
  holdAt,
  LATEST,
  showEarlier,
  showLater,
  type WindowAnchor,
  windowRange,
} from '../state/message-window.ts';
import type { TimelineItem } from '../state/timeline.ts';
import { CommandResultItem, MessageItem, NoticeItem, PendingItem, RunningItem } from './history-items.tsx';

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
