// A field as a screen reader meets it: the label names the control, the hint and the error describe it.

import type { JSX } from 'preact';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';

withBrowserGlobals();

async function draw(field: () => JSX.Element): Promise<HTMLElement> {
  // The UI's modules read the browser's globals as they load: import them once those exist.
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(field(), root));
  return root;
}

describe('a text field', () => {
  it('is named by its label and passes its attributes to the input', async () => {
    const { TextField } = await import('./field.tsx');
    const root = await draw(() => (
      <TextField label="Email" type="email" autoComplete="username" required value="" data-testid="op-email" />
    ));
    const input = root.querySelector<HTMLInputElement>('[data-testid="op-email"]');
    expect(input?.tagName).toBe('INPUT');
    expect(input?.className).toBe('field__input');
    expect(input?.getAttribute('type')).toBe('email');
    expect(input?.getAttribute('autocomplete')).toBe('username');
    expect(input?.required).toBe(true);
    const label = root.querySelector('label.field__label');
    expect(label?.textContent).toBe('Email');
    expect(label?.getAttribute('for')).toBe(input?.id);
    expect(input?.hasAttribute('aria-describedby')).toBe(false);
    expect(input?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('is described by its hint and its error, and the error is an alert', async () => {
    const { TextAreaField } = await import('./field.tsx');
    const root = await draw(() => (
      <TextAreaField label="Origins" hint="One per line." error="Line 1 is not an origin." data-testid="op-origins" />
    ));
    const textarea = root.querySelector('[data-testid="op-origins"]');
    expect(textarea?.tagName).toBe('TEXTAREA');
    expect(textarea?.getAttribute('aria-invalid')).toBe('true');
    const described = (textarea?.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['One per line.', 'Line 1 is not an origin.']);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Line 1 is not an origin.');
  });
});
