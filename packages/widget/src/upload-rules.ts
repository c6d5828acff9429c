// What the widget decides about a file before uploading it: its likely kind, whether the site refuses it, and
// whether an image is re-encoded first. The server reads the bytes and has the last word.

import { type AttachmentKind, type AttachmentSettings, IMAGE_MAX_SIDE } from '@livechat/protocol';

const OFFICE = /\.(docx?|xlsx?|pptx?|od[tsp])$/i;
const TEXT = /\.(txt|text|log|csv)$/i;
/** Images the server takes; SVG (script inside) and the rest are no image to it. */
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp|avif|hei[cf])$/;

/** The kind the file's name and the browser's claim suggest, or null when it is none the server takes. */
export function likelyKind(file: { name: string; type: string }): AttachmentKind | null {
  if (IMAGE_TYPES.test(file.type)) return 'image';
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'pdf';
  if (OFFICE.test(file.name)) return 'office';
  if (file.type === 'text/plain' || file.type === 'text/csv' || TEXT.test(file.name)) return 'text';
  return null;
}

export type Refusal = { reason: 'kind' } | { reason: 'size'; maxBytes: number };

/** Why the site would refuse the file, or null: checked before any byte is sent. */
export function refusalOf(
  file: { name: string; type: string; size: number },
  rules: AttachmentSettings,
): Refusal | null {
  const kind = likelyKind(file);
  if (!kind || !rules.kinds.includes(kind)) return { reason: 'kind' };
  if (file.size > rules.maxBytes) return { reason: 'size', maxBytes: rules.maxBytes };
  return null;
}

export interface Reencoding {
  width: number;
  height: number;
  type: 'image/jpeg' | 'image/webp' | 'image/png';
}

/**
 * How an image is re-encoded before upload, or null to send it as it is. Larger than IMAGE_MAX_SIDE on its longer
 * side: scaled down to it, same type. JPEGs of any size are drawn again too, which drops their EXIF (location) at
 * the cost of one canvas pass. PNG stays PNG (screenshots: text must stay sharp); GIF, AVIF and HEIC go as they are
 * (animation would be lost, and browsers may not encode them).
 */
export function reencoding(type: string, width: number, height: number): Reencoding | null {
  if (type !== 'image/jpeg' && type !== 'image/webp' && type !== 'image/png') return null;
  const longer = Math.max(width, height);
  if (longer <= IMAGE_MAX_SIDE && type !== 'image/jpeg') return null;
  const scale = Math.min(1, IMAGE_MAX_SIDE / longer);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), type };
}
