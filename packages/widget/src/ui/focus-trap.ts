// Keeps Tab and Shift+Tab inside the open panel, as in any dialog.

const FOCUSABLE =
  'button:not([disabled]), textarea:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The element Tab should move to from `current`, wrapping at both ends; null lets the browser move on. */
export function nextFocus<T>(elements: readonly T[], current: T | null, backwards: boolean): T | null {
  if (elements.length === 0) return null;
  const first = elements[0] as T;
  const last = elements[elements.length - 1] as T;
  const index = current === null ? -1 : elements.indexOf(current);
  if (index === -1) return backwards ? last : first;
  if (backwards && index === 0) return last;
  if (!backwards && index === elements.length - 1) return first;
  return null;
}

/** Handles a Tab keydown inside `panel`, whose focused element is read from its shadow root. */
export function trapTab(event: KeyboardEvent, panel: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const elements = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.offsetParent !== null,
  );
  const root = panel.getRootNode() as ShadowRoot | Document;
  const target = nextFocus(elements, root.activeElement as HTMLElement | null, event.shiftKey);
  if (!target) return;
  event.preventDefault();
  target.focus();
}
