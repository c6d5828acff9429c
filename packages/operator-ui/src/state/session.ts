// Who is signed in: restoring the session at start, logging in and out, and ending it when it expires.

import { batch, signal } from '@preact/signals';
import type { LoginResult, OperatorProfile } from '@livechat/protocol';
import { api, setUnauthorizedHandler } from '../transport/http.ts';
import { inboxApi } from '../transport/inbox.ts';
import { leaveLinkPage } from './browser.ts';

/** `undefined` while the first check runs, `null` when signed out. */
export const session = signal<OperatorProfile | null | undefined>(undefined);
/** Why the operator is looking at the login page, when it was not their choice. */
export const sessionNotice = signal<string | null>(null);

/** Said on the login page after the server ended the session (logout elsewhere, disabled, expired). */
export const SIGNED_OUT_NOTICE = 'You were signed out.';

export async function restoreSession(): Promise<void> {
  setUnauthorizedHandler(() => endSession(SIGNED_OUT_NOTICE));
  try {
    session.value = (await inboxApi.session()).operator;
  } catch {
    sessionNotice.value = 'The server cannot be reached right now. You can still try to sign in.';
    session.value = null;
    sessionNotice.value = null;
    leaving = false;
  }
}

/** Throws ApiError on failure so the form can say why. */
export async function login(email: string, password: string): Promise<void> {
  signedIn(await api.login({ email, password }));
}

/** A login, a first admin's setup or an accepted link: the server has set the session cookie. */
export function signedIn({ operator }: LoginResult): void {
  sessionNotice.value = null;
  session.value = operator;
}

/** After the setup or accept page: signed in, and the token leaves the address bar and the history. */
export function enterWorkspace(result: LoginResult): void {
  batch(() => {
    leaveLinkPage();
    signedIn(result);
  });
}

/** Set while logging out: the server closes this tab's socket before answering, which is no news to the operator. */
let leaving = false;

export async function logout(): Promise<void> {
  leaving = true;
  try {
    await api.logout();
  } finally {
    // Signed out locally even when the request fails: the operator asked to leave.
    session.value = null;
    sessionNotice.value = null;
    leaving = false;
  }
}

export function endSession(reason: string): void {
  if (session.value === null || leaving) return;
  sessionNotice.value = reason;
  session.value = null;
}
