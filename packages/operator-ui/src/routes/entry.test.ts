// Which page a one-time link opens, and where the workspace is once it is used.

import { describe, expect, it } from 'vitest';
import { parseEntry, workspacePath } from './entry.ts';

describe('link pages', () => {
  it('reads the setup and accept pages with the token from the fragment', () => {
    expect(parseEntry('/operator/setup', '#abc123')).toEqual({ page: 'setup', token: 'abc123' });
    expect(parseEntry('/operator/setup/', '#abc123')).toEqual({ page: 'setup', token: 'abc123' });
    expect(parseEntry('/operator/accept', '#t_9-x')).toEqual({ page: 'accept', token: 't_9-x' });
  });

  it('has no token without a fragment, or with a hash route in it', () => {
    expect(parseEntry('/operator/setup', '')).toEqual({ page: 'setup', token: null });
    expect(parseEntry('/operator/setup', '#')).toEqual({ page: 'setup', token: null });
    expect(parseEntry('/operator/accept', '#/settings')).toEqual({ page: 'accept', token: null });
  });

  it('leaves every other path to the workspace and its hash routes', () => {
    expect(parseEntry('/operator/', '#/settings')).toEqual({ page: 'app' });
    expect(parseEntry('/operator/index.html', '#abc')).toEqual({ page: 'app' });
    expect(parseEntry('/operator/setup-guide', '#abc')).toEqual({ page: 'app' });
  });

  it('finds the workspace beside the link page, under any base path', () => {
    expect(workspacePath('/operator/setup')).toBe('/operator/');
    expect(workspacePath('/operator/accept/')).toBe('/operator/');
    expect(workspacePath('/chat/operator/accept')).toBe('/chat/operator/');
  });
});
