// Settings → Audit log for admins: who changed sites, the team, modules and retention, and who exported or erased a
// visitor, newest first, a page at a time.

import type { AuditEntry, AuditPage } from '@livechat/protocol';
import { useEffect, useState } from 'preact/hooks';
import { appendAuditPage, auditDetailLines, auditSentence } from '../../state/audit.ts';
import { errorText } from '../../state/live.ts';
import { privacyApi } from '../../transport/privacy.ts';
import { RelativeTime } from '../relative-time.tsx';

export function AuditSettings({ load = privacyApi.audit }: { load?: (cursor: string | null) => Promise<AuditPage> }) {
  return (
    <section class="settings-card" id="settings-audit" aria-labelledby="audit-heading" data-testid="op-audit">
      <div class="settings-card__head">
        <h3 id="audit-heading" class="settings-card__title">
          Audit log
        </h3>
      </div>
      <p class="settings-card__lead">
        What admins did: sites, origins, secrets, the team and its roles, modules, retention, and visitors’ data
        exported or erased. Secrets themselves are never written here.
      </p>
      <AuditList load={load} />
    </section>
  );
}

type Loading = 'first' | 'more' | null;

export function AuditList({ load }: { load: (cursor: string | null) => Promise<AuditPage> }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState<Loading>('first');
  const [error, setError] = useState<string | null>(null);

  async function fetchPage(from: string | null) {
    setLoading(from === null ? 'first' : 'more');
    setError(null);
    try {
      const page = await load(from);
      setEntries((shown) => (from === null ? page.entries : appendAuditPage(shown, page)));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setLoading(null);
    }
  }

  useEffect(() => {
    void fetchPage(null);
  }, []);

  if (loading === 'first') {
    return (
      <p class="screen__muted" role="status">
        Loading the audit log…
      </p>
    );
  }
  return (
    <>
      {entries.length === 0 && !error && <p class="screen__muted">Nothing has been recorded yet.</p>}
      {entries.length > 0 && (
        <ol class="audit" aria-label="Admin actions, newest first">
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {error && (
        <p class="form__error" role="alert" data-testid="op-audit-error">
          The audit log could not be loaded: {error}
        </p>
      )}
      {(cursor !== null || (error && entries.length > 0)) && (
        <button
          type="button"
          class="button button--small audit__more"
          disabled={loading !== null}
          onClick={() => void fetchPage(cursor)}
          data-testid="op-audit-more"
        >
          {loading === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
      {error && entries.length === 0 && (
        <button type="button" class="button button--small" onClick={() => void fetchPage(null)}>
          Try again
        </button>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const lines = auditDetailLines(entry.details);
  return (
    <li class="audit__entry" data-testid="op-audit-entry" data-action={entry.action}>
      <div class="audit__head">
        <span class="audit__what">{auditSentence(entry)}</span>
        <RelativeTime class="audit__when" iso={entry.at} />
      </div>
      {lines.length > 0 && (
        <ul class="audit__details">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
