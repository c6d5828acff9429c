// An image's size is read from its header alone; anything unreadable gives no size, never an error.

import { describe, expect, it } from 'vitest';
import { dimensionsOf } from './dimensions.ts';

/** The start of a GIF: signature, then width and height, little endian. */
const gifHead = (width: number, height: number): Buffer => {
  const head = Buffer.alloc(13);
  head.write('GIF89a', 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return head;
};

describe('dimensionsOf', () => {
  it('reads the width and height from the header', () => {
    expect(dimensionsOf(gifHead(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it('gives no size for a header of no known image, a cut one, or one that says zero', () => {
    expect(dimensionsOf(Buffer.from('just some words'))).toBeNull();
    expect(dimensionsOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
    expect(dimensionsOf(gifHead(0, 480))).toBeNull();
    expect(dimensionsOf(Buffer.alloc(0))).toBeNull();
  });
});
