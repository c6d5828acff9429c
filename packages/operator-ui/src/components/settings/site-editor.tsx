// Creating or editing a site: name, exact allowed origins (with the server's verdict per line), the widget's look,
// its pre-chat form, hours, data retention and attachments.

import type { SiteDetails } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { attachmentChanges, attachmentDraft } from '../../state/attachment-form.ts';
import { errorText } from '../../state/live.ts';
import {
  isHexColor,
  parseQueueAlert,
  QUEUE_ALERT_DEFAULT,
  QUEUE_ALERT_MAX,
  QUEUE_ALERT_MIN,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type OriginProblem,
  originLines,
  originProblems,
  retentionChanges,
  retentionDraft,
  retentionSettings,
  rewrittenOrigins,
  widgetDraft,
  widgetSettings,
} from '../../state/site-form.ts';
import {
  awayMessageValue,
  browserTimeZone,
  dayProblems,
  hoursChanged,
  hoursDraft,
  workingHours,
} from '../../state/working-hours.ts';
import { siteApi } from '../../transport/accounts.ts';
import { ApiError } from '../../transport/http.ts';
import { TextAreaField, TextField } from '../field.tsx';
import { SiteAttachmentFields } from './site-attachment-fields.tsx';
import { SiteHoursFields } from './site-hours-fields.tsx';
import { SitePrechatFields } from './site-prechat-fields.tsx';
import { SiteRetentionFields } from './site-retention-fields.tsx';
import { SiteWidgetFields } from './site-widget-fields.tsx';

type Verdict =
  | { kind: 'origins'; message: string; problems: OriginProblem[] }
  | { kind: 'error'; message: string }
  | { kind: 'attachments'; message: string }
  | { kind: 'saved'; rewritten: Array<[string, string]> };

/** `site` null is the form for a new site. */
export function SiteEditor({
  site,
  onSaved,
  onClose,
  api = siteApi,
}: {
  site: SiteDetails | null;
  onSaved: (site: SiteDetails) => void;
  onClose: () => void;
  api?: Pick<typeof siteApi, 'create' | 'update'>;
}) {
  const prefix = site ? `site-${site.id}` : 'site-new';
  const [name, setName] = useState(site?.name ?? '');
  const [origins, setOrigins] = useState(site?.allowedOrigins.join('\n') ?? '');
  const [widget, setWidget] = useState(widgetDraft(site?.widget));
  const [queueAlert, setQueueAlert] = useState(String(site?.queueAlertSeconds ?? QUEUE_ALERT_DEFAULT));
  const [hours, setHours] = useState(() => hoursDraft(site?.workingHours, browserTimeZone()));
  const [awayMessage, setAwayMessage] = useState(site?.awayMessage ?? '');
  const [retention, setRetention] = useState(() => retentionDraft(site?.retention));
  const [attachments, setAttachments] = useState(() => attachmentDraft(site?.attachments));
  // Day errors wait for a first save, so a time being typed is not called wrong.
  const [checkHours, setCheckHours] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    if (widget.color.trim() !== '' && !isHexColor(widget.color)) {
      setVerdict({ kind: 'error', message: 'The colour must be #rgb or #rrggbb, or empty for the default.' });
      return;
    }
    const queueAlertSeconds = parseQueueAlert(queueAlert);
    if (queueAlertSeconds === null) {
      setVerdict({
        kind: 'error',
        message: `The queue alert must be a whole number of seconds from ${QUEUE_ALERT_MIN} to ${QUEUE_ALERT_MAX}.`,
      });
      return;
    }
    const keep = retentionSettings(retention);
    if ('invalid' in keep) {
      setVerdict({
        kind: 'error',
        message: `Retention of ${keep.invalid.join(' and ')} must be a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}, or empty to keep.`,
      });
      return;
    }
    const files = attachmentChanges(site?.attachments, attachments);
    if ('invalid' in files) {
      setVerdict({ kind: 'attachments', message: 'The largest file must be a number of MB from 0.001 to 25.' });
      return;
    }
    setCheckHours(true);
    if (dayProblems(hours).length > 0) {
      setVerdict({ kind: 'error', message: 'Some working hours need fixing: each day must open before it closes.' });
      return;
    }
    const typed = originLines(origins);
    const problems = originProblems(typed);
    if (problems.length > 0) {
      setVerdict({ kind: 'origins', message: 'Some origins cannot be used as typed.', problems });
      return;
    }
    // Sent only when changed: the rest of the form stays savable whatever the server's age.
    const queueAlertChanged = queueAlertSeconds !== (site?.queueAlertSeconds ?? QUEUE_ALERT_DEFAULT);
    const nextHours = workingHours(hours);
    const nextAwayMessage = awayMessageValue(awayMessage);
    const retentionChanged = retentionChanges(site?.retention, keep.ok);
    const input = {
      name: name.trim(),
      allowedOrigins: typed,
      widget: widgetSettings(widget),
      ...(queueAlertChanged ? { queueAlertSeconds } : {}),
      ...(hoursChanged(site?.workingHours, nextHours) ? { workingHours: nextHours } : {}),
      ...(nextAwayMessage !== (site?.awayMessage ?? null) ? { awayMessage: nextAwayMessage } : {}),
      ...(retentionChanged ? { retention: retentionChanged } : {}),
      ...(files.ok ? { attachments: files.ok } : {}),
    };
    setSaving(true);
    setVerdict(null);
    try {
      const saved = site ? await api.update(site.id, input) : await api.create(input);
      // The form shows what is stored: the normalised origins.
      setOrigins(saved.site.allowedOrigins.join('\n'));
      setHours(hoursDraft(saved.site.workingHours, hours.timeZone));
      setAwayMessage(saved.site.awayMessage ?? '');
      setRetention(retentionDraft(saved.site.retention));
      setAttachments(attachmentDraft(saved.site.attachments));
      setVerdict({ kind: 'saved', rewritten: rewrittenOrigins(typed, saved.site.allowedOrigins) });
      onSaved(saved.site);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'bad_origin_format') {
        setVerdict({ kind: 'origins', message: failure.message, problems: originProblems(typed) });
      } else if (failure instanceof ApiError && failure.message.startsWith('attachments')) {
        // The server names the field (`attachments.maxBytes: …`): its words go beside it.
        setVerdict({ kind: 'attachments', message: failure.message });
      } else {
        setVerdict({ kind: 'error', message: errorText(failure) });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="site-form" onSubmit={save} aria-label={site ? `Edit ${site.name}` : 'New site'}>
      <TextField
        label="Name"
        value={name}
        required
        placeholder="My shop"
        onInput={(event) => setName(event.currentTarget.value)}
        data-testid="op-site-name"
      />
      <TextAreaField
        label="Allowed origins"
        hint={
          <>
            One per line, exactly <code>scheme://host[:port]</code>: no path, no wildcard. The widget works only on
            pages of these origins.
          </>
        }
        error={verdict?.kind === 'origins' && <OriginVerdict message={verdict.message} problems={verdict.problems} />}
        errorTestId="op-site-origins-error"
        inputClass="site-form__origins"
        rows={Math.max(3, originLines(origins).length + 1)}
        value={origins}
        spellcheck={false}
        placeholder={'https://www.example.com\nhttps://shop.example.com'}
        onInput={(event) => setOrigins(event.currentTarget.value)}
        data-testid="op-site-origins"
      />
      <SiteWidgetFields prefix={prefix} draft={widget} onChange={setWidget} />
      <SitePrechatFields form={widget.prechat} onChange={(prechat) => setWidget({ ...widget, prechat })} />
      <TextField
        label="Alert again after (seconds in the queue)"
        hint={
          <>
            A chat nobody has taken after this long alerts every online operator again ({QUEUE_ALERT_MIN}–
            {QUEUE_ALERT_MAX}; default {QUEUE_ALERT_DEFAULT}, two minutes).
          </>
        }
        inputClass="site-form__queue-alert"
        type="number"
        inputMode="numeric"
        min={QUEUE_ALERT_MIN}
        max={QUEUE_ALERT_MAX}
        value={queueAlert}
        onInput={(event) => setQueueAlert(event.currentTarget.value)}
        data-testid="op-site-queue-alert"
      />
      <SiteHoursFields
        prefix={prefix}
        draft={hours}
        problems={checkHours ? dayProblems(hours) : []}
        awayMessage={awayMessage}
        onChange={setHours}
        onAwayMessage={setAwayMessage}
      />
      <SiteRetentionFields draft={retention} onChange={setRetention} />
      <SiteAttachmentFields
        draft={attachments}
        error={verdict?.kind === 'attachments' && verdict.message}
        onChange={setAttachments}
      />
      {verdict?.kind === 'error' && (
        <p class="form__error" role="alert" data-testid="op-site-error">
          {verdict.message}
        </p>
      )}
      {verdict?.kind === 'saved' && <SavedNote rewritten={verdict.rewritten} />}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={saving} data-testid="op-site-save">
          {saving ? 'Saving…' : site ? 'Save' : 'Create site'}
        </button>
        <button type="button" class="button button--quiet" onClick={onClose}>
          {site ? 'Close' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}

/** What is wrong with the origins as typed: the field shows it as its error. */
function OriginVerdict({ message, problems }: { message: string; problems: OriginProblem[] }) {
  if (problems.length === 0) return <>{message}</>;
  return (
    <ul class="origin-problems">
      {problems.map((problem) => (
        <li key={problem.line} data-line={problem.line}>
          <span class="origin-problems__line">Line {problem.line}</span>
          {/* The server's message often quotes the origin already. */}
          {problem.message.includes(problem.origin) ? (
            <span>{problem.message}</span>
          ) : (
            <span>
              <code>{problem.origin}</code>: {problem.message}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function SavedNote({ rewritten }: { rewritten: Array<[string, string]> }) {
  return (
    <div class="form__ok" role="status" data-testid="op-site-saved">
      Saved.
      {rewritten.length > 0 && (
        <>
          {' '}
          Origins are stored in their exact form:
          <ul class="origin-rewrites">
            {rewritten.map(([typed, stored]) => (
              <li key={typed}>
                <code>{typed}</code> → <code>{stored}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
