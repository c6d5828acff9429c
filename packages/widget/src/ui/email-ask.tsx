// Asks an away or unanswered visitor for an email to be answered at; it never stands in the composer's way.

import { useState } from 'preact/hooks';
import type { ChatError } from '../errors.ts';
import { format, type Strings } from '../i18n.ts';
import { isEmail } from '../email-address.ts';
import type { VisitorApi } from '../visitor-api.ts';
/** The styles of the small forms and questions that open inside the panel: this one, the rating, the transcript, the end. */
export const ASK_CSS = `
.confirm{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:10px 16px;background:#f3f4f6;border-bottom:1px solid #e5e7eb}
.confirm p{flex:1;margin:0;font-weight:600}
.confirm button{padding:6px 14px;border:1px solid #d1d5db;border-radius:8px;background:#fff;color:inherit}
.confirm .yes{border-color:transparent;background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff)}
.ask label,.ask>p{flex-basis:100%}
.ask input{flex:1;min-width:0;padding:6px;font:inherit}
.error{color:#b91c1c}
`;
export const CSS = ASK_CSS;

interface EmailAskProps {
  api: VisitorApi;
  /** When to ask (emailAskAt): now or later. */
  at: number;
  strings: Strings;
  onSaved(email: string): void;
}

export function EmailAsk({ api, at, strings, onSaved }: EmailAskProps) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState('');

  if (saved) {
    return (
      <p class="confirm ask" data-testid="lc-email-saved" role="status">
        {format(strings.emailSaved, { email: saved })}
      </p>
    );
  }
  // A later message moves the ask a minute on: the panel renders this again when that minute is up.
  if (at > Date.now()) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    const email = (new FormData(event.currentTarget as HTMLFormElement).get('email') as string).trim();
    if (!isEmail(email)) return setError(strings.emailInvalid);
    setError('');
    api.saveEmail(email).then(
      () => {
        setSaved(email);
        onSaved(email);
      },
      (failure: ChatError) => setError(failure.code === 'network' ? strings.failed : failure.message),
    );
  };

  return (
    <form class="confirm ask" onSubmit={submit} noValidate>
      <label for="lc-email">{strings.emailLabel}</label>
      <input id="lc-email" name="email" type="email" autocomplete="email" data-testid="lc-email" />
      <button class="yes" type="submit" data-testid="lc-email-save">
        {strings.save}
      </button>
      {error && (
        <p class="error" data-testid="lc-email-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
