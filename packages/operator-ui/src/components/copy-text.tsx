// Text to hand on (the install snippet, a one-time link) with a copy button that works without the Clipboard API too.

import { useRef, useState } from 'preact/hooks';

type Copied = 'copied' | 'selected' | null;

export function CopyableText({
  text,
  testId,
  label,
  block = false,
}: {
  text: string;
  testId: string;
  /** Names the copy button for assistive technology: "Copy the install snippet". */
  label: string;
  /** Several lines (a snippet) rather than one long line (a link). */
  block?: boolean;
}) {
  const holder = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<Copied>(null);

  async function copy() {
    // The Clipboard API exists only in secure contexts (HTTPS or localhost); plain HTTP gets the selection.
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied(selectAndCopy(holder.current) ? 'copied' : 'selected');
    }
  }

  return (
    <div class={`copyable${block ? ' copyable--block' : ''}`}>
      {block ? (
        <pre class="copyable__text" ref={(element) => void (holder.current = element)} data-testid={testId}>
          {text}
        </pre>
      ) : (
        <code class="copyable__text" ref={(element) => void (holder.current = element)} data-testid={testId}>
          {text}
        </code>
      )}
      <div class="copyable__bar">
        <button type="button" class="button button--small" onClick={() => void copy()} aria-label={label}>
          Copy
        </button>
        <span class="copyable__status" role="status">
          {copied === 'copied' ? 'Copied.' : copied === 'selected' ? 'Selected: press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </div>
  );
}

/** Selects the element's text so the person can copy it, and tries the legacy copy command on it. */
function selectAndCopy(element: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
