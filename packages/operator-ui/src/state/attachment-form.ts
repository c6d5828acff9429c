// Settings → Sites → Attachments as typed: the largest file in MB (one decimal), the kinds ticked, and what changed.

import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type AttachmentSettings,
  DEFAULT_ATTACHMENT_SETTINGS,
  MAX_ATTACHMENT_MAX_BYTES,
  MIN_ATTACHMENT_MAX_BYTES,
} from '@livechat/protocol';

const MB = 1024 * 1024;

export interface AttachmentDraft {
  maxMb: string;
  kinds: AttachmentKind[];
}

/** "10", "2.5": MB with one decimal; a limit under 0.1 MB (the API allows 1 KB) keeps the digits that say it. */
export function megabytesText(bytes: number): string {
  const mb = bytes / MB;
  return String(mb >= 0.1 ? Number(mb.toFixed(1)) : Number(mb.toPrecision(2)));
}

export const MAX_MB_TEXT = megabytesText(MAX_ATTACHMENT_MAX_BYTES);

export function attachmentDraft(settings: AttachmentSettings | undefined): AttachmentDraft {
  const current = settings ?? DEFAULT_ATTACHMENT_SETTINGS;
  return { maxMb: megabytesText(current.maxBytes), kinds: [...current.kinds] };
}

/** Bytes for the MB typed (a comma as decimal mark too), or null when outside 1 KB…25 MB or not a number. */
export function parseMaxMb(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value)) return null;
  const bytes = Math.round(Number(value) * MB);
  return bytes >= MIN_ATTACHMENT_MAX_BYTES && bytes <= MAX_ATTACHMENT_MAX_BYTES ? bytes : null;
}

/** Kinds in the protocol's order, each once, so that equal choices compare equal. */
const inOrder = (kinds: readonly AttachmentKind[]): AttachmentKind[] =>
  ATTACHMENT_KINDS.filter((kind) => kinds.includes(kind));

export function toggleKind(kinds: readonly AttachmentKind[], kind: AttachmentKind, on: boolean): AttachmentKind[] {
  return inOrder(on ? [...kinds, kind] : kinds.filter((each) => each !== kind));
}

/**
 * What to send: only the fields that changed (so that a site saves on a server that predates them), null when
 * nothing did, or `invalid` when the size cannot be used. A size shown as stored counts as unchanged, so that a
 * limit the display rounds is not rewritten by saving something else.
 */
export function attachmentChanges(
  before: AttachmentSettings | undefined,
  draft: AttachmentDraft,
): { ok: Partial<AttachmentSettings> | null } | { invalid: true } {
  const stored = before ?? DEFAULT_ATTACHMENT_SETTINGS;
  const changes: Partial<AttachmentSettings> = {};
  if (draft.maxMb.trim() !== megabytesText(stored.maxBytes)) {
    const maxBytes = parseMaxMb(draft.maxMb);
    if (maxBytes === null) return { invalid: true };
    if (maxBytes !== stored.maxBytes) changes.maxBytes = maxBytes;
  }
  const kinds = inOrder(draft.kinds);
  if (kinds.join() !== inOrder(stored.kinds).join()) changes.kinds = kinds;
  return { ok: Object.keys(changes).length > 0 ? changes : null };
}
