// A long list drawn as a window: only the rows in view plus a margin are in the DOM, each at its place by fixed height.

import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nearEnd, rowWindow } from '../../state/row-window.ts';

/** Until the scroller is measured (and where layout is unknown), assume a tall screen's worth of rows. */
const UNMEASURED_HEIGHT = 1_000;

export function WindowedRows<T>({
  items,
  rowHeight,
  keyOf,
  renderRow,
  onNearEnd,
  label,
  footer,
}: {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  /** Called when the window comes close to the last loaded row: time to fetch the next page. */
  onNearEnd?: () => void;
  label: string;
  footer?: ComponentChildren;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(UNMEASURED_HEIGHT);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight > 0 ? element.clientHeight : UNMEASURED_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const shown = rowWindow(scrollTop, height, rowHeight, items.length);
  const wantsMore = onNearEnd !== undefined && items.length > 0 && nearEnd(shown, items.length);
  useEffect(() => {
    if (wantsMore) onNearEnd?.();
  }, [wantsMore, items.length]);

  return (
    <div class="rows" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul class="rows__list" aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(shown.start, shown.end).map((item, offset) => (
          <li
            key={keyOf(item)}
            class="rows__row"
            style={{ transform: `translateY(${(shown.start + offset) * rowHeight}px)`, height: `${rowHeight}px` }}
          >
            {renderRow(item)}
          </li>
        ))}
      </ul>
      {footer}
    </div>
  );
}
