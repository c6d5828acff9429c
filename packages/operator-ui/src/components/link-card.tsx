// The frame of a one-time link's page (setup, invite, reset): a card like the login page's, its button and its refusal.

import type { ComponentChildren } from 'preact';
import { workspacePath } from '../routes/entry.ts';

export function LinkCard({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <main class="login">
      <div class="login__card">
        <h1 class="login__title">{title}</h1>
        {lead && <p class="login__lead">{lead}</p>}
        {children}
      </div>
    </main>
  );
}

/** The end of a card's form: why the last try failed, if it did, and the one button, which says when it is at work. */
export function CardSubmit({
  error,
  errorTestId,
  busy,
  busyText,
  text,
  testId,
}: {
  error: string | null;
  errorTestId: string;
  busy: boolean;
  busyText: string;
  text: string;
  testId: string;
}) {
  return (
    <>
      {error && (
        <p class="login__error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <button type="submit" class="button button--primary button--block" disabled={busy} data-testid={testId}>
        {busy ? busyText : text}
      </button>
    </>
  );
}

/** Why the link does not work (the server's words) and what to do instead. */
export function LinkRefused({ title, reason, remedy }: { title: string; reason: string; remedy: ComponentChildren }) {
  return (
    <LinkCard title={title}>
      <p class="login__error" role="alert" data-testid="op-link-refused">
        {reason}
      </p>
      <p class="login__remedy">{remedy}</p>
      {/* Someone who already has an account came to the wrong door. */}
      <a class="login__link" href={workspacePath(location.pathname)} data-testid="op-link-sign-in">
        Go to the sign-in page
      </a>
    </LinkCard>
  );
}

export function LinkUnreachable({ title, message, retry }: { title: string; message: string; retry: () => void }) {
  return (
    <LinkCard title={title}>
      <p class="login__error" role="alert">
        {message}
      </p>
      <button type="button" class="button button--block" onClick={retry}>
        Try again
      </button>
    </LinkCard>
  );
}
