// A site's identity verification: the secret its backend signs user ids with (shown on demand, rotated), and the switch that requires it.

import type { SiteIdentitySettings } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../state/live.ts';
import { siteApi } from '../../transport/accounts.ts';
import { ConfirmInline } from '../confirm-inline.tsx';
import { CopyableText } from '../copy-text.tsx';
import { Loaded, useLoad } from '../load.tsx';

export function SiteIdentity({ siteId, onRequireChange }: { siteId: string; onRequireChange: (on: boolean) => void }) {
  const [load, retry] = useLoad(() => siteApi.identity(siteId), [siteId]);
  const [identity, setIdentity] = useState<SiteIdentitySettings | null>(null);
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (load.state === 'ready') setIdentity(load.data);
  }, [load]);

  async function change(input: { requireIdentity?: boolean; rotateSecret?: boolean }, done: string) {
    setBusy(true);
    setStatus(null);
    try {
      const updated = await siteApi.updateIdentity(siteId, input);
      setIdentity(updated);
      onRequireChange(updated.requireIdentity);
      setStatus({ ok: true, text: done });
    } catch (failure) {
      setStatus({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section class="site-panel" aria-labelledby={`identity-${siteId}`}>
      <h4 id={`identity-${siteId}`} class="site-panel__title">
        Identity verification
      </h4>
      <p class="settings-card__lead">
        Your backend signs each user id with this secret (<code>HMAC-SHA256</code>, hex) and passes the hash to{' '}
        <code>identify()</code>, so that nobody can chat as someone else. It never goes to the browser.
      </p>
      <Loaded load={load} what="identity settings" retry={retry}>
        {() =>
          identity && (
            <>
              {shown ? (
                <CopyableText text={identity.secret} testId="op-site-secret" label="Copy the identity secret" />
              ) : (
                <p class="copyable__text copyable__text--hidden">
                  <span aria-hidden="true">{'•'.repeat(32)}</span>
                  <span class="visually-hidden">The secret is hidden.</span>
                </p>
              )}
              <div class="form__actions">
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => setShown(!shown)}
                  data-testid="op-site-secret-show"
                >
                  {shown ? 'Hide' : 'Show'}
                </button>
                {confirming ? (
                  <ConfirmInline
                    label="Confirm rotating the secret"
                    question="Hashes made with the current secret stop working at once."
                    action="Rotate"
                    busy={busy}
                    onConfirm={() => void change({ rotateSecret: true }, 'New secret made: give it to your backend.')}
                    onKeep={() => setConfirming(false)}
                    testId="op-site-secret-rotate-confirm"
                  />
                ) : (
                  <button
                    type="button"
                    class="button button--small"
                    onClick={() => setConfirming(true)}
                    data-testid="op-site-secret-rotate"
                  >
                    Rotate secret
                  </button>
                )}
              </div>
              <label class="switch switch--row">
                <input
                  type="checkbox"
                  role="switch"
                  class="switch__input"
                  checked={identity.requireIdentity}
                  disabled={busy}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    void change(
                      { requireIdentity: on },
                      on ? 'Signed ids are now required.' : 'Signed ids are optional.',
                    );
                  }}
                  data-testid="op-site-require-identity"
                />
                <span class="switch__track" aria-hidden="true" />
                <span>
                  <strong>Require signed ids</strong>
                  <span class="choice__detail">
                    When on, <code>identify()</code> without a valid hash is refused on this site.
                  </span>
                </span>
              </label>
            </>
          )
        }
      </Loaded>
      {status && (
        <p class={status.ok ? 'form__ok' : 'form__error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
