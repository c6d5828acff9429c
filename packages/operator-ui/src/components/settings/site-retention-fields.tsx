// The site editor's retention: how many days resolved conversations and page views are kept; empty keeps them.

import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type RetentionDraft } from '../../state/site-form.ts';
import { TextField } from '../field.tsx';

export function SiteRetentionFields({
  draft,
  onChange,
}: {
  draft: RetentionDraft;
  onChange: (draft: RetentionDraft) => void;
}) {
  const days = {
    type: 'number',
    inputMode: 'numeric',
    min: RETENTION_MIN_DAYS,
    max: RETENTION_MAX_DAYS,
    placeholder: 'Keep',
    inputClass: 'site-form__days',
  } as const;
  return (
    <fieldset class="site-form__group" data-testid="op-site-retention">
      <legend class="site-form__legend">Data retention</legend>
      <p class="field__hint">
        A daily job deletes what is older than this many days ({RETENTION_MIN_DAYS}–{RETENTION_MAX_DAYS}). Leave a field
        empty to keep that data for good (the default). Deleted data cannot be brought back.
      </p>
      <TextField
        label="Delete resolved conversations after (days)"
        hint="With their messages, notes and ratings, counted from when they were resolved."
        value={draft.conversations}
        onInput={(event) => onChange({ ...draft, conversations: event.currentTarget.value })}
        data-testid="op-site-retention-conversations"
        {...days}
      />
      <TextField
        label="Delete page views after (days)"
        value={draft.pageViews}
        onInput={(event) => onChange({ ...draft, pageViews: event.currentTarget.value })}
        data-testid="op-site-retention-pageviews"
        {...days}
      />
    </fieldset>
  );
}
