import { describe, expect, it } from 'vitest';
import { ChatError } from './errors.ts';
import type { SiteAnswer } from './site-config.ts';
import { siteGate } from './site-gate.ts';

function watch(answer: SiteAnswer | null) {
  const settings: unknown[] = [];
  const refused: string[] = [];
  const gate = siteGate(Promise.resolve(answer), {
    settings: (server) => settings.push(server),
    refused: (error) => refused.push(error.code),
  });
  return { gate, settings, refused };
}

const widget = { color: '#0f766e', position: 'left', title: null, greeting: null, locale: null };

describe('the site gate', () => {
  it('passes on the server’s settings and lets the chat go on', async () => {
    const { gate, settings, refused } = watch({ status: 200, body: { siteName: 'Shop', widget } });
    await gate.answered;
    expect(settings).toEqual([widget]);
    expect(refused).toEqual([]);
    expect(gate.refusal()).toBeNull();
  });

  it('goes on with the page’s own settings when the server could not be asked', async () => {
    const { gate, settings, refused } = watch(null);
    await gate.answered;
    expect(settings).toEqual([{}]);
    expect(refused).toEqual([]);
  });

  it('reports a refusal in the answer once, however often it is found again', async () => {
    const { gate, refused } = watch({ status: 403, body: { error: { code: 'bad_origin', message: 'no' } } });
    await gate.answered;
    gate.refuse(new ChatError('bad_origin', 'again, from minting'));
    gate.refuse(new ChatError('not_found', 'and from a socket'));
    expect(refused).toEqual(['bad_origin']);
    expect(gate.refusal()?.message).toBe('no');
  });

  it('takes a refusal found later (minting a token) when the answer had none', async () => {
    const { gate, refused } = watch(null);
    await gate.answered;
    gate.refuse(new ChatError('not_found', 'no such site'));
    gate.refuse(new ChatError('not_found', 'no such site'));
    expect(refused).toEqual(['not_found']);
  });
});
