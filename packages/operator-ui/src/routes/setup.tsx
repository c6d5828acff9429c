// The first run: the setup link from the server's log creates the first admin and signs them in.

import { useState } from 'preact/hooks';
import { TextField } from '../components/field.tsx';
import { CardSubmit, LinkCard, LinkRefused, LinkUnreachable } from '../components/link-card.tsx';
import { isTokenRefusal, useLinkCheck } from '../components/link-check.ts';
import { NewPasswordField } from '../components/password-field.tsx';
import { errorText } from '../state/live.ts';
import { enterWorkspace } from '../state/session.ts';
import { linkApi } from '../transport/accounts.ts';

const MISSING = 'This address has no setup token: open the whole setup link, including the part after the #.';

export function SetupPage({ token }: { token: string | null }) {
  const [check, setCheck, retry] = useLinkCheck(token, linkApi.checkSetup, MISSING);
  if (check.state === 'checking') return <LinkCard title="Set up Live chat" lead="Checking the setup link…" />;
  if (check.state === 'failed')
    return <LinkUnreachable title="Set up Live chat" message={check.message} retry={retry} />;
  if (check.state === 'refused' || !token) {
    return (
      <LinkRefused
        title="This setup link cannot be used"
        reason={check.state === 'refused' ? check.reason : MISSING}
        remedy={<SetupLinkWhereabouts />}
      />
    );
  }
  return <SetupForm token={token} onRefused={(reason) => setCheck({ state: 'refused', reason })} />;
}

/** Also shown on the login page while no admin exists. */
export function SetupLinkWhereabouts() {
  return (
    <>
      The setup link is printed in the server's log at every start while no admin exists; on a headless server,{' '}
      <code>npm run admin -- create-admin</code> works too.
    </>
  );
}

function SetupForm({ token, onRefused }: { token: string; onRefused: (reason: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      enterWorkspace(await linkApi.setup({ token, name: name.trim(), email: email.trim(), password }));
    } catch (failure) {
      // A newer start replaced the token while the form was open.
      if (isTokenRefusal(failure)) onRefused(errorText(failure));
      else setError(errorText(failure));
      setBusy(false);
    }
  }

  return (
    <LinkCard title="Set up Live chat" lead="Create the first admin account. You are signed in as soon as it exists.">
      <form class="login__form" onSubmit={submit}>
        <TextField
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
          data-testid="op-setup-name"
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          data-testid="op-setup-email"
        />
        <NewPasswordField value={password} onInput={setPassword} testId="op-setup-password" />
        <CardSubmit
          error={error}
          errorTestId="op-setup-error"
          busy={busy}
          busyText="Creating…"
          text="Create admin and sign in"
          testId="op-setup-submit"
        />
      </form>
    </LinkCard>
  );
}
