// The kind of a file is read from its bytes; the name only has to agree.

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { decideKind, extensionOf } from './kinds.ts';
import { cleanName } from './upload.ts';

const ALL = ['image', 'pdf', 'text', 'office'] as const;
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? error.code : 'thrown';
  }
}

describe('decideKind', () => {
  it('reads an image from its signature, whatever the name says of it', async () => {
    expect(await decideKind(PNG_HEAD, 'shot.png', ALL)).toEqual({ kind: 'image', mime: 'image/png' });
    expect(await decideKind(PNG_HEAD, 'shot', ALL)).toEqual({ kind: 'image', mime: 'image/png' });
    expect(await codeOf(decideKind(PNG_HEAD, 'shot.txt', ALL))).toBe('file_name_mismatch');
  });

  it('takes UTF-8 text, and tells CSV by its name', async () => {
    expect(await decideKind(Buffer.from('naïve, café\n'), 'list.csv', ALL)).toEqual({ kind: 'text', mime: 'text/csv' });
    expect(await codeOf(decideKind(Buffer.from([0x41, 0x00, 0x42]), 'a.txt', ALL))).toBe('file_kind_refused');
    expect(await codeOf(decideKind(Buffer.from([0xc3, 0x28]), 'a.txt', ALL))).toBe('file_kind_refused');
  });

  it('does not count a character cut at the end of the head against the text', async () => {
    const cut = Buffer.from('caf\u00e9').subarray(0, 4);
    expect((await decideKind(cut, 'a.txt', ALL)).kind).toBe('text');
  });

  it('refuses a kind the site does not allow', async () => {
    expect(await codeOf(decideKind(PNG_HEAD, 'shot.png', ['pdf']))).toBe('file_kind_refused');
  });
});

describe('names', () => {
  it('keeps the last part, without control characters', () => {
    expect(cleanName('C:\\Users\\me\\bad\u0007\nname.pdf')).toBe('badname.pdf');
    expect(cleanName('../')).toBe('file');
    expect(extensionOf('Report.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBeNull();
  });
});
