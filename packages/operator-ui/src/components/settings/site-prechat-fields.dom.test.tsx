// The pre-chat form's editor: one labelled select per field, and a change to one keeps the other.

import type { PrechatForm } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';

withBrowserGlobals();

describe('the pre-chat form editor', () => {
  it('shows each field’s mode under its label, and changes one field at a time', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { SitePrechatFields } = await import('./site-prechat-fields.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    const changes: PrechatForm[] = [];
    act(() =>
      render(
        <SitePrechatFields form={{ name: 'optional', email: 'off' }} onChange={(form) => changes.push(form)} />,
        root,
      ),
    );
    const name = root.querySelector<HTMLSelectElement>('[data-testid="op-site-prechat-name"]');
    const email = root.querySelector<HTMLSelectElement>('[data-testid="op-site-prechat-email"]');
    expect(name?.value).toBe('optional');
    expect(email?.value).toBe('off');
    expect(document.querySelector(`label[for="${email?.id}"]`)?.textContent).toBe('Email');
    expect([...(email?.options ?? [])].map((option) => option.textContent)).toEqual([
      'Not asked',
      'Optional',
      'Required',
    ]);

    act(() => {
      if (!email) return;
      email.value = 'required';
      email.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changes).toEqual([{ name: 'optional', email: 'required' }]);
    act(() => render(null, root));
  });
});
