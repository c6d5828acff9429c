// The transcript by email, from the header menu: an address (the known one to start with) and send.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatError } from '../errors.ts';
import { format, type Strings } from '../i18n.ts';
import { isEmail } from '../email-address.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { ASK_CSS } from './email-ask.tsx';

/** The email ask's chunk holds the styles of every small form in the panel. */
export const CSS = ASK_CSS;

interface TranscriptProps {
  api: VisitorApi;
  conversationId: string;
  email: string | null;
  strings: Strings;
  onDone(): void;
}

export function TranscriptForm({ api, conversationId, email, strings, onDone }: TranscriptProps) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const to = input.current?.value.trim() ?? '';
    if (!isEmail(to)) return setError(strings.emailInvalid);
    setError('');
    api.mailTranscript({ conversationId, email: to }).then(
      () => setSentTo(to),
      (failure: ChatError) => setError(failure.code === 'network' ? strings.failed : failure.message),
    );
  };

  if (sentTo) {
    return (
      <div class="confirm ask" data-testid="lc-transcript-sent" role="status">
        <p>{format(strings.transcriptSent, { email: sentTo })}</p>
        <button type="button" onClick={onDone}>
          {strings.dismiss}
        </button>
      </div>
    );
  }
  return (
    <form class="confirm ask" onSubmit={submit} noValidate data-testid="lc-transcript-form">
      <label for="lc-transcript-email">{strings.transcriptLabel}</label>
      <input
        id="lc-transcript-email"
        ref={input}
        type="email"
        autocomplete="email"
        value={email ?? ''}
        data-testid="lc-transcript-email"
        aria-invalid={error ? true : undefined}
      />
      <button class="yes" type="submit" data-testid="lc-transcript-send">
        {strings.send}
      </button>
      <button type="button" onClick={onDone}>
        {strings.cancel}
      </button>
      {error && (
        <p class="error" data-testid="lc-transcript-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
