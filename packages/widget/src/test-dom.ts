// Browser globals from happy-dom for the tests that draw the widget's components, put back once the file's tests are done.

import { Window } from 'happy-dom';
import { afterAll, beforeAll } from 'vitest';

const GLOBALS = [
  'window',
  'document',
  'navigator',
  'Node',
  'Event',
  'HTMLElement',
  'FileReader',
  'MouseEvent',
] as const;

/** Call at the top of a test file; import the UI's modules inside the tests, since they read the globals as they load. */
export function withBrowserGlobals(): void {
  const browser = new Window({ url: 'https://shop.example/' });
  const saved = new Map<string, unknown>();

  beforeAll(() => {
    for (const name of GLOBALS) {
      saved.set(name, Reflect.get(globalThis, name));
      Object.defineProperty(globalThis, name, {
        value: Reflect.get(browser, name),
        configurable: true,
        writable: true,
      });
    }
  });

  afterAll(async () => {
    for (const name of GLOBALS) {
      Object.defineProperty(globalThis, name, { value: saved.get(name), configurable: true, writable: true });
    }
    await browser.happyDOM.close();
  });
}
