// How a one-time link's page reads the server's answer: a verdict on the link, or a failure worth retrying.

import { describe, expect, it } from 'vitest';
import { ApiError } from '../transport/http.ts';
import { isTokenRefusal, refusalOf } from './link-check.ts';

describe('one-time link checks', () => {
  it("shows the server's reason when it refuses the link", () => {
    const used = new ApiError(410, 'token_invalid', 'This invite was used already.');
    expect(refusalOf(used)).toEqual({ state: 'refused', reason: 'This invite was used already.' });
    expect(refusalOf(new ApiError(400, 'bad_request', 'token is required'))).toEqual({
      state: 'refused',
      reason: 'token is required',
    });
  });

  it('offers to try again when the server could not answer', () => {
    expect(refusalOf(new ApiError(0, 'network', 'The server cannot be reached.'))).toEqual({
      state: 'failed',
      message: 'The server cannot be reached.',
    });
    expect(refusalOf(new ApiError(500, 'internal', 'boom'))).toMatchObject({ state: 'failed' });
  });

  it('tells a refused token from a form error on submit', () => {
    expect(isTokenRefusal(new ApiError(410, 'token_invalid', 'replaced'))).toBe(true);
    expect(isTokenRefusal(new ApiError(400, 'bad_request', 'weak password'))).toBe(false);
    expect(isTokenRefusal(new Error('x'))).toBe(false);
  });
});
