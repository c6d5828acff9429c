// Reads a password from standard input: typed without echo at a terminal, or the first line of a pipe.

import type { Writable } from 'node:stream';

export interface PasswordSource extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export class InputAborted extends Error {}

/** The first line of a pipe (without its line break); the rest is left unread. */
export function readLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) finish(text.slice(0, end));
    };
    const onEnd = () => finish(text);
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    function cleanUp() {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.pause();
    }
    function finish(line: string) {
      cleanUp();
      resolve(line.replace(/\r$/, ''));
    }
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}

/** Keystrokes at a terminal, none of them echoed; Enter ends, Ctrl-C or Ctrl-D aborts. */
function readHidden(input: PasswordSource, prompt: string, echo: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    echo.write(prompt);
    input.setRawMode?.(true);
    const onData = (chunk: Buffer | string) => {
      const text = chunk.toString();
      for (let index = 0; index < text.length; index += 1) {
        const char = text[index];
        if (char === '\r' || char === '\n') {
          // What was pasted after Enter answers the next question; \r\n is one Enter.
          const rest = text.slice(index + (char === '\r' && text[index + 1] === '\n' ? 2 : 1));
          return done(rest, () => resolve(typed));
        }
        if (char === '\u0003' || char === '\u0004') return done('', () => reject(new InputAborted('aborted')));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    function done(rest: string, settle: () => void) {
      input.off('data', onData);
      if (rest) input.unshift(Buffer.from(rest));
      input.setRawMode?.(false);
      input.pause();
      echo.write('\n');
      settle();
    }
    input.on('data', onData);
    input.resume();
  });
}

/** At a terminal the password is asked twice, so that a typing slip does not lock the admin out. */
export async function readPassword(input: PasswordSource, prompts: Writable): Promise<string> {
  if (!input.isTTY) return readLine(input);
  const first = await readHidden(input, 'Password: ', prompts);
  const again = await readHidden(input, 'Same password again: ', prompts);
  if (first !== again) throw new InputAborted('the two passwords differ');
  return first;
}
