// An upload as both stores read it: its row, its owner and the Upload it stands for.

import type { AttachmentKind } from '@livechat/protocol';
import type { Upload, UploadOwner } from '../../files/repository.ts';

export interface UploadRow {
  id: string;
  site_id: string | null;
  hash: string;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  owner_visitor_id: string | null;
  owner_operator_id: string | null;
  message_id: string | null;
  created_at: string;
  width: number | null;
  height: number | null;
}

export function ownerOf(row: UploadRow): UploadOwner {
  return row.owner_visitor_id !== null
    ? { kind: 'visitor', visitorId: row.owner_visitor_id, siteId: row.site_id ?? '' }
    : { kind: 'operator', operatorId: row.owner_operator_id ?? '' };
}

export const upload = (row: UploadRow): Upload => ({
  id: row.id,
  name: row.name,
  size: row.size,
  kind: row.kind,
  mime: row.mime,
  hash: row.hash,
  owner: ownerOf(row),
  messageId: row.message_id,
  createdAt: row.created_at,
  // Left out rather than null, as Attachment has them.
  ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
});
