// An invite or password reset link: the operator chooses a password and is signed in.

import type { AcceptCheck } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { CardSubmit, LinkCard, LinkRefused, LinkUnreachable } from '../components/link-card.tsx';
import { isTokenRefusal, useLinkCheck } from '../components/link-check.ts';
import { NewPasswordField } from '../components/password-field.tsx';
import { errorText } from '../state/live.ts';
import { enterWorkspace } from '../state/session.ts';
import { linkApi } from '../transport/accounts.ts';

const MISSING = 'This address has no token: open the whole link, including the part after the #.';
const REMEDY = 'Ask your admin for a new link: they can send one from Settings → Team.';

export function AcceptPage({ token }: { token: string | null }) {
  const [check, setCheck, retry] = useLinkCheck(token, linkApi.checkAccept, MISSING);
  if (check.state === 'checking') return <LinkCard title="Live chat" lead="Checking your link…" />;
  if (check.state === 'failed') return <LinkUnreachable title="Live chat" message={check.message} retry={retry} />;
  if (check.state === 'refused' || !token) {
    return (
      <LinkRefused
        title="This link cannot be used"
        reason={check.state === 'refused' ? check.reason : MISSING}
        remedy={REMEDY}
      />
    );
  }
  return <AcceptForm token={token} link={check.data} onRefused={(reason) => setCheck({ state: 'refused', reason })} />;
}

function AcceptForm({
  token,
  link,
  onRefused,
}: {
  token: string;
  link: AcceptCheck;
  onRefused: (reason: string) => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      enterWorkspace(await linkApi.accept({ token, password }));
    } catch (failure) {
      if (isTokenRefusal(failure)) onRefused(errorText(failure));
      else setError(errorText(failure));
      setBusy(false);
    }
  }

  const title = link.kind === 'invite' ? `Welcome, ${link.name}: choose a password` : 'Choose a new password';
  return (
    <LinkCard title={title} lead={<>You sign in as {link.email}.</>}>
      <form class="login__form" onSubmit={submit}>
        {/* Lets a password manager store the new password under the right account. */}
        <input type="email" autoComplete="username" value={link.email} readOnly hidden />
        <NewPasswordField
          label={link.kind === 'invite' ? 'Password' : 'New password'}
          value={password}
          onInput={setPassword}
          testId="op-accept-password"
        />
        <CardSubmit
          error={error}
          errorTestId="op-accept-error"
          busy={busy}
          busyText="Signing in…"
          text="Save password and sign in"
          testId="op-accept-submit"
        />
      </form>
    </LinkCard>
  );
}
