// Small real images for the attachments' tests: a PNG drawn here, three files made by an image editor,
// and a JPEG whose camera metadata turns it a quarter.

import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** 7×3 JPEG, 5×4 GIF and 6×2 WebP, each of one colour. */
export const JPEG_7X3 = fixture('photo.jpg');
export const GIF_5X4 = fixture('badge.gif');
export const WEBP_6X2 = fixture('sticker.webp');

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG of one colour, `width` × `height`, 8-bit RGB. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Each row: filter byte 0, then its pixels.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The 7×3 JPEG with an EXIF block saying "turn a quarter right" (orientation 6), as phone cameras
 * write, padded so that the frame's size comes after the first 4 KB read to tell the file's kind.
 */
export function turnedJpeg(padding = 8000): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('49492a0008000000', 'hex'), // little endian, first directory at 8
    Buffer.from('0100', 'hex'), // one entry
    Buffer.from('120103000100000006000000', 'hex'), // Orientation, SHORT, 1 value: 6
    Buffer.from('00000000', 'hex'), // no next directory
    Buffer.alloc(padding),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([JPEG_7X3.subarray(0, 2), Buffer.from('ffe1', 'hex'), length, payload, JPEG_7X3.subarray(2)]);
}
