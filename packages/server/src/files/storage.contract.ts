// The contract every FileStorage keeps, run against each implementation.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { FileStorage } from './storage.ts';

const sha256 = (bytes: string): string => createHash('sha256').update(bytes).digest('hex');

/** A stream that gives some bytes, then fails as a dropped connection does. */
function cutOff(first: string): Readable {
  return new Readable({
    read() {
      this.push(first);
      this.destroy(new Error('connection lost'));
    },
  });
}

export function fileStorageContract(
  name: string,
  open: () => { storage: FileStorage; filesKept: () => number | Promise<number> },
) {
  describe(`${name} keeps the FileStorage contract`, () => {
    it('names the bytes by their SHA-256 and gives them back', async () => {
      const { storage } = open();
      const stored = await storage.put(Readable.from([Buffer.from('hello, '), Buffer.from('world')]));
      expect(stored).toEqual({ hash: sha256('hello, world'), size: 12 });
      const back = await storage.get(stored.hash);
      expect(back && (await text(back))).toBe('hello, world');
    });

    it('keeps the same bytes once', async () => {
      const { storage, filesKept } = open();
      const before = await filesKept();
      await storage.put(Readable.from([Buffer.from('twice')]));
      await storage.put(Readable.from([Buffer.from('twice')]));
      expect(await filesKept()).toBe(before + 1);
    });

    it('keeps nothing when the stream fails halfway or the check refuses', async () => {
      const { storage, filesKept } = open();
      const before = await filesKept();
      await expect(storage.put(cutOff('half a file'))).rejects.toThrow('connection lost');
      const refusal = new Error('not this kind');
      await expect(
        storage.put(Readable.from([Buffer.from('whole')]), async () => {
          throw refusal;
        }),
      ).rejects.toBe(refusal);
      expect(await filesKept()).toBe(before);
      expect(await storage.get(sha256('whole'))).toBeNull();
    });

    it('gives the check the first bytes and the length', async () => {
      const { storage } = open();
      const seen: Array<[string, number]> = [];
      await storage.put(Readable.from([Buffer.from('abc'), Buffer.from('def')]), async (head, size) => {
        seen.push([head.toString(), size]);
      });
      expect(seen).toEqual([['abcdef', 6]]);
    });

    it('deletes, and answers null for bytes it does not hold', async () => {
      const { storage } = open();
      const stored = await storage.put(Readable.from([Buffer.from('short-lived')]));
      await storage.delete(stored.hash);
      expect(await storage.get(stored.hash)).toBeNull();
      await storage.delete(stored.hash);
    });
  });
}
