// Attachments and their owners as both stores read them: the rows, the Attachment, and whose upload a sender may take.

import type { Attachment, AttachmentKind } from '@livechat/protocol';
import type { Sender } from '../../files/repository.ts';

export interface AttachmentRow {
  id: string;
  message_id: string;
  name: string;
  size: number;
  kind: AttachmentKind;
  mime: string;
  /** Read when the uploads table has them (the image dimensions), absent otherwise. */
  width?: number | null;
  height?: number | null;
}

export interface OwnerRow {
  owner_visitor_id: string | null;
  owner_operator_id: string | null;
  site_id: string | null;
  message_id: string | null;
  /** The client id of the message that took it, if one did. */
  taken_by: string | null;
}

export const attachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  name: row.name,
  size: row.size,
  kind: row.kind,
  mime: row.mime,
  ...(typeof row.width === 'number' && typeof row.height === 'number' ? { width: row.width, height: row.height } : {}),
});

export function ownedBy(row: OwnerRow, sender: Sender | null): boolean {
  if (sender === null) return false;
  if (sender.kind === 'operator') return row.owner_operator_id === sender.operatorId;
  return row.owner_visitor_id === sender.visitorId && row.site_id === sender.siteId;
}
