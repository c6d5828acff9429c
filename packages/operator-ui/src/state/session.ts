// Who is signed in: restoring the session at start, logging in and out, and ending it when it expires.

import { signal } from '@preact/signals';
import type { OperatorProfile } from '@livechat/protocol';
import { api, setUnauthorizedHandler } from '../transport/http.ts';

/** `undefined` while the first check runs, `null` when signed out. */
export const session = signal<OperatorProfile | null | undefined>(undefined);
/** Why the operator is looking at the login page, when it was not their choice. */
export const sessionNotice = signal<string | null>(null);

export async function restoreSession(): Promise<void> {
  setUnauthorizedHandler(() => endSession('Your session has ended. Please sign in again.'));
  try {
    session.value = (await api.me())?.operator ?? null;
  } catch {
    sessionNotice.value = 'The server cannot be reached right now. You can still try to sign in.';
    session.value = null;
  }
}

/** Throws ApiError on failure so the form can say why. */
export async function login(email: string, password: string): Promise<void> {
  const { operator } = await api.login({ email, password });
  sessionNotice.value = null;
  session.value = operator;
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } finally {
    // Signed out locally even when the request fails: the operator asked to leave.
    session.value = null;
  }
}

export function endSession(reason: string): void {
  if (session.value === null) return;
  sessionNotice.value = reason;
  session.value = null;
}
