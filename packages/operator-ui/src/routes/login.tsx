// The sign-in page shown whenever there is no valid operator session.

import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../components/field.tsx';
import { CardSubmit } from '../components/link-card.tsx';
import { login, sessionNotice } from '../state/session.ts';
import { linkApi } from '../transport/accounts.ts';
import { retrySeconds } from '../state/rate-limits.ts';
import { ApiError } from '../transport/http.ts';
import { SetupLinkWhereabouts } from './setup.tsx';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = sessionNotice.value;
  const setupNeeded = useSetupNeeded();

  async function onSubmit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (failure) {
      setError(loginErrorText(failure));
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form class="login__card" onSubmit={onSubmit}>
        <h1 class="login__title">Live chat</h1>
        <p class="login__lead">Sign in to answer your visitors.</p>
        {setupNeeded && (
          <p class="login__notice" role="status" data-testid="op-login-setup-hint">
            No admin exists yet. <SetupLinkWhereabouts />
          </p>
        )}
        {notice && !error && (
          <p class="login__notice" role="status">
            {notice}
          </p>
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          data-testid="op-login-email"
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
          data-testid="op-login-password"
        />
        <CardSubmit
          error={error}
          errorTestId="op-login-error"
          busy={busy}
          busyText="Signing in…"
          text="Sign in"
          testId="op-login-submit"
        />
      </form>
    </main>
  );
}

/** On a fresh install nobody can sign in yet: the page says where the way in is. */
function useSetupNeeded(): boolean {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    let current = true;
    linkApi.setupStatus().then(
      (status) => current && setNeeded(status.needed),
      // Without an answer the ordinary sign-in form is all there is to show.
      () => {},
    );
    return () => {
      current = false;
    };
  }, []);
  return needed;
}

function loginErrorText(failure: unknown): string {
  if (failure instanceof ApiError) {
    if (failure.status === 401) return 'Wrong email or password.';
    if (failure.status === 429) {
      return failure.retryAfterMs === null
        ? 'Too many attempts. Wait a moment and try again.'
        : `Too many attempts; try again in ${retrySeconds(failure.retryAfterMs)} s.`;
    }
    return failure.message;
  }
  return 'Signing in failed. Try again.';
}
