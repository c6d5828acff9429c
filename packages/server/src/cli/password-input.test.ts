// Password input for the admin command line: pipes, and hidden typing at a terminal.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputAborted, type PasswordSource, readPassword } from './password-input.ts';

/** A stream that says it is a terminal, recording whether echo was turned off while it was read. */
function terminal() {
  const modes: boolean[] = [];
  const stream = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode(mode: boolean) {
      modes.push(mode);
    },
  });
  return { stream: stream as PasswordSource & PassThrough, modes };
}

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

describe('reading a password', () => {
  it('takes the first line of a pipe, without its line break', async () => {
    const input = new PassThrough();
    input.end('secret password\r\nsecond line\n');
    expect(await readPassword(input, collect().stream)).toBe('secret password');
  });

  it('at a terminal, asks twice without echo, honours backspace, and takes a pasted answer', async () => {
    const { stream, modes } = terminal();
    const prompts = collect();
    const read = readPassword(stream, prompts.stream);
    stream.write('secrex\u007ft pass');
    stream.write('word\rsecret password\r');
    expect(await read).toBe('secret password');
    expect(prompts.text()).toBe('Password: \nSame password again: \n');
    expect(modes).toEqual([true, false, true, false]);
  });

  it('at a terminal, refuses two different answers and stops at Ctrl-C', async () => {
    const differ = terminal();
    const read = readPassword(differ.stream, collect().stream);
    differ.stream.write('one password\rtwo password\r');
    await expect(read).rejects.toThrow(/the two passwords differ/);

    const aborted = terminal();
    const stopped = readPassword(aborted.stream, collect().stream);
    aborted.stream.write('half\u0003');
    await expect(stopped).rejects.toBeInstanceOf(InputAborted);
    expect(aborted.modes).toEqual([true, false]);
  });
});
