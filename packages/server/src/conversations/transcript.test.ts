import { expect, it } from 'vitest';
import { transcript } from './transcript.ts';

it('writes one line per message, in order, each on one line', () => {
  expect(
    transcript([
      { authorName: 'Zoé', body: 'My lamp flickers' },
      { authorName: 'Alice', body: 'Sorry to hear that!\n  Which model? ' },
    ]),
  ).toBe('Zoé: My lamp flickers\nAlice: Sorry to hear that! Which model?');
});

it('names the files sent with a message, and keeps a message of files alone', () => {
  expect(
    transcript([
      { authorName: 'Zoé', body: '', files: ['flicker.png'] },
      { authorName: 'Alice', body: 'Here is the manual', files: ['manual.pdf', 'steps.txt'] },
    ]),
  ).toBe('Zoé: [file: flicker.png]\nAlice: Here is the manual [files: manual.pdf, steps.txt]');
});
