// The site editor's attachments: the largest file visitors may attach, and which kinds; none turns files off.

import { ATTACHMENT_KINDS, type AttachmentKind } from '@livechat/protocol';
import type { ComponentChildren } from 'preact';
import { type AttachmentDraft, MAX_MB_TEXT, toggleKind } from '../../state/attachment-form.ts';
import { TextField } from '../field.tsx';

const KIND_CHOICES: Record<AttachmentKind, { label: string; hint: string }> = {
  image: { label: 'Images', hint: 'PNG, JPEG, GIF, WebP' },
  pdf: { label: 'PDF', hint: 'PDF documents' },
  text: { label: 'Text and CSV', hint: 'Plain text, CSV' },
  office: { label: 'Office documents', hint: 'Word, Excel, PowerPoint, OpenDocument' },
};

export function SiteAttachmentFields({
  draft,
  error,
  onChange,
}: {
  draft: AttachmentDraft;
  /** Why the size or kinds cannot be saved, from this form or from the server. */
  error: ComponentChildren;
  onChange: (draft: AttachmentDraft) => void;
}) {
  const off = draft.kinds.length === 0;
  return (
    <fieldset class="site-form__group" data-testid="op-site-attachments">
      <legend class="site-form__legend">Attachments</legend>
      <p class="field__hint">
        What visitors may attach. The kind is read from each file's bytes, never from its name. Operators may send every
        kind.
      </p>
      <TextField
        label="Largest file (MB)"
        hint={`From 0.001 to ${MAX_MB_TEXT} MB; default 10.`}
        error={error}
        errorTestId="op-site-attachments-error"
        inputClass="site-form__megabytes"
        type="number"
        inputMode="decimal"
        min={0.001}
        max={MAX_MB_TEXT}
        step="any"
        value={draft.maxMb}
        onInput={(event) => onChange({ ...draft, maxMb: event.currentTarget.value })}
        data-testid="op-site-attachments-max"
      />
      <ul class="site-form__kinds" aria-label="Kinds visitors may attach">
        {ATTACHMENT_KINDS.map((kind) => (
          <li key={kind}>
            <label class="site-form__kind">
              <input
                type="checkbox"
                checked={draft.kinds.includes(kind)}
                onChange={(event) =>
                  onChange({ ...draft, kinds: toggleKind(draft.kinds, kind, event.currentTarget.checked) })
                }
                data-testid={`op-site-attachments-${kind}`}
              />
              <span>
                {KIND_CHOICES[kind].label}
                <span class="site-form__kind-hint">{KIND_CHOICES[kind].hint}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {off && (
        <p class="field__hint site-form__attachments-off" role="status" data-testid="op-site-attachments-off">
          No kind ticked: visitors of this site cannot attach files.
        </p>
      )}
    </fieldset>
  );
}
