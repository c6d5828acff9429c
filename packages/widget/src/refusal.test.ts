import { describe, expect, it } from 'vitest';
import { ChatError } from './errors.ts';
import { isRefusal, refusalOf } from './refusal.ts';
import { refusalWarning } from './refusal-warning.ts';

const error = (code: string) => ({ error: { code, message: `${code} message` } });

describe('the not-available decision', () => {
  it('takes a typed 403 bad_origin or 404 not_found as the server refusing this embed', () => {
    expect(refusalOf(403, error('bad_origin'))).toMatchObject({ code: 'bad_origin', message: 'bad_origin message' });
    expect(refusalOf(404, error('not_found'))).toMatchObject({ code: 'not_found', message: 'not_found message' });
  });

  it('does not switch the chat off for anything else', () => {
    expect(refusalOf(200, { siteName: 'Shop' })).toBeNull();
    expect(refusalOf(403, error('forbidden'))).toBeNull();
    expect(refusalOf(404, null)).toBeNull();
    expect(refusalOf(404, '<html>Not Found</html>')).toBeNull();
    expect(refusalOf(500, error('bad_origin'))).toBeNull();
    expect(refusalOf(401, error('unauthorized'))).toBeNull();
  });

  it('tells a refusal from other errors', () => {
    expect(isRefusal(new ChatError('bad_origin', 'x'))).toBe(true);
    expect(isRefusal(new ChatError('not_found', 'x'))).toBe(true);
    expect(isRefusal(new ChatError('network', 'x'))).toBe(false);
    expect(isRefusal(new Error('bad_origin'))).toBe(false);
  });
});

describe('the warning for the site owner', () => {
  it('names the page’s origin and the site, and says where to allow it', () => {
    const text = refusalWarning('bad_origin', 'https://example.com', 'shop', 'https://chat.example.net');
    expect(text).toContain('https://example.com');
    expect(text).toContain('Add https://example.com to the allowed origins of site shop in Settings → Sites');
    expect(text).toContain('https://chat.example.net/operator/');
  });

  it('for an unknown or archived site, names the site id to check', () => {
    const text = refusalWarning('not_found', 'https://example.com', 'shpo', 'https://chat.example.net');
    expect(text).toContain('https://example.com');
    expect(text).toContain('no site "shpo"');
    expect(text).toContain('Settings → Sites');
  });
});
