// How attachments read to an operator: sizes, kinds, where a file is fetched, and the box an image takes.

import type { Attachment, AttachmentKind } from '@livechat/protocol';

const KB = 1024;
const MB = 1024 * 1024;

/** "820 B", "14 KB", "2.4 MB": one decimal where it tells sizes apart. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export const KIND_LABELS: Record<AttachmentKind, string> = {
  image: 'Image',
  pdf: 'PDF',
  text: 'Text or CSV',
  office: 'Office document',
};

/** The server gives each attachment its operator URL; an upload's answer has none, so it is built from the id. */
export function attachmentUrl(attachment: Pick<Attachment, 'id' | 'url'>): string {
  return attachment.url ?? `/api/operator/files/${encodeURIComponent(attachment.id)}`;
}

/** Largest thumbnail side in CSS pixels: a screenshot must not push the conversation off screen. */
export const THUMBNAIL_MAX = 240;

/**
 * The thumbnail's box, known before the image loads so the history does not jump when it arrives (the windowed
 * list keeps an item's place by its size). Without the server's pixel size, a fixed box the image fits into.
 */
export function thumbnailBox(attachment: Pick<Attachment, 'width' | 'height'>): { width: number; height: number } {
  const { width, height } = attachment;
  if (!width || !height) return { width: THUMBNAIL_MAX, height: Math.round((THUMBNAIL_MAX * 3) / 4) };
  const scale = Math.min(1, THUMBNAIL_MAX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Images the browser shows are previewed from the operator's own copy before any upload ends. */
export function canPreview(type: string): boolean {
  return /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(type);
}
