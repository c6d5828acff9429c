// The pixel size of an uploaded image, read from the start of its stored bytes.

import { imageSize } from 'image-size';
import type { FileStorage } from './storage.ts';

export interface Dimensions {
  width: number;
  height: number;
}

/** A JPEG's size sits after its metadata blocks, which may take tens of KB; nothing past this is read. */
export const DIMENSIONS_HEAD_BYTES = 256 * 1024;

/** EXIF orientations 5 to 8 turn the picture a quarter: browsers show it with the sides swapped. */
const TURNED = new Set([5, 6, 7, 8]);

const isSide = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The size as people see the image, or null when its header cannot be read. */
export function dimensionsOf(head: Uint8Array): Dimensions | null {
  try {
    const { width, height, orientation } = imageSize(head);
    if (!isSide(width) || !isSide(height)) return null;
    return orientation !== undefined && TURNED.has(orientation) ? { width: height, height: width } : { width, height };
  } catch {
    // A damaged or unusual header is no reason to refuse the file: it is only shown without its size.
    return null;
  }
}

/** At most `limit` bytes from the start of a stored file. */
async function headOf(files: FileStorage, hash: string, limit: number): Promise<Buffer> {
  const stream = await files.get(hash);
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The stored image's size; null when it cannot be read, for whatever reason. */
export async function storedImageDimensions(files: FileStorage, hash: string): Promise<Dimensions | null> {
  try {
    return dimensionsOf(await headOf(files, hash, DIMENSIONS_HEAD_BYTES));
  } catch {
    return null;
  }
}
