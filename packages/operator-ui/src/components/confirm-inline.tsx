// Asking once more before a step that is hard to undo, in place of the button that started it.

import type { ComponentChildren } from 'preact';

export function ConfirmInline({
  label,
  question,
  action,
  busy,
  onConfirm,
  onKeep,
  testId,
  block = false,
  class: extra,
}: {
  /** Names the group for screen readers, e.g. "Confirm archiving My shop". */
  label: string;
  question: ComponentChildren;
  /** The danger button's text, the verb of the step. */
  action: string;
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
  /** On the danger button. */
  testId: string;
  /** On a line of its own rather than among other buttons. */
  block?: boolean;
  class?: string;
}) {
  const Tag = block ? 'div' : 'span';
  return (
    <Tag class={extra ? `confirm ${extra}` : 'confirm'} role="group" aria-label={label}>
      <span>{question}</span>
      <button
        type="button"
        class="button button--small button--danger"
        disabled={busy}
        onClick={onConfirm}
        data-testid={testId}
      >
        {action}
      </button>
      <button type="button" class="button button--small button--quiet" onClick={onKeep}>
        Keep
      </button>
    </Tag>
  );
}
