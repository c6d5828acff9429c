// Attachment sizes, URLs and thumbnail boxes as the operator sees them.

import { describe, expect, it } from 'vitest';
import { attachmentUrl, canPreview, formatBytes, thumbnailBox } from './attachments.ts';

describe('attachments as shown', () => {
  it('says sizes in B, KB and MB', () => {
    expect(formatBytes(820)).toBe('820 B');
    expect(formatBytes(14 * 1024 + 300)).toBe('14 KB');
    expect(formatBytes(2.44 * 1024 * 1024)).toBe('2.4 MB');
    expect(formatBytes(12.6 * 1024 * 1024)).toBe('13 MB');
  });

  it('uses the server’s URL, else the operator file route', () => {
    expect(attachmentUrl({ id: 'f1', url: '/api/operator/files/f1' })).toBe('/api/operator/files/f1');
    expect(attachmentUrl({ id: 'a b' })).toBe('/api/operator/files/a%20b');
  });

  it('fits images into a thumbnail box of their proportions, never larger than they are', () => {
    expect(thumbnailBox({ width: 1920, height: 1080 })).toEqual({ width: 240, height: 135 });
    expect(thumbnailBox({ width: 600, height: 1200 })).toEqual({ width: 120, height: 240 });
    expect(thumbnailBox({ width: 64, height: 32 })).toEqual({ width: 64, height: 32 });
    expect(thumbnailBox({})).toEqual({ width: 240, height: 180 });
  });

  it('previews only image types a browser draws', () => {
    expect(canPreview('image/png')).toBe(true);
    expect(canPreview('image/svg+xml')).toBe(false);
    expect(canPreview('application/pdf')).toBe(false);
  });
});
