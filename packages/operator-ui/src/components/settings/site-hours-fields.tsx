// When a site counts as open, and what visitors read when nobody is there: working hours and the away message.

import { useMemo } from 'preact/hooks';
import {
  AWAY_MESSAGE_MAX,
  type DayDraft,
  type DayProblem,
  dayName,
  type HoursDraft,
  timeZoneChoices,
} from '../../state/working-hours.ts';
import { Field, TextAreaField } from '../field.tsx';

export function SiteHoursFields({
  prefix,
  draft,
  problems,
  awayMessage,
  onChange,
  onAwayMessage,
}: {
  prefix: string;
  draft: HoursDraft;
  /** Shown beside their day once the owner tried to save. */
  problems: DayProblem[];
  awayMessage: string;
  onChange: (draft: HoursDraft) => void;
  onAwayMessage: (text: string) => void;
}) {
  const zones = useMemo(() => timeZoneChoices(draft.timeZone), [draft.timeZone]);
  const setDay = (next: DayDraft) =>
    onChange({ ...draft, days: draft.days.map((day) => (day.day === next.day ? next : day)) });
  return (
    <fieldset class="site-form__group" data-testid="op-site-hours">
      <legend class="site-form__legend">Working hours</legend>
      <p class="settings-card__lead">
        Outside these hours the widget shows the team as away, even when someone is online.
      </p>
      <span class="site-form__inline" role="radiogroup" aria-label="When the site is open">
        <label class="choice">
          <input
            type="radio"
            name={`${prefix}-hours-mode`}
            checked={draft.mode === 'always'}
            onChange={() => onChange({ ...draft, mode: 'always' })}
            data-testid="op-site-hours-always"
          />
          Always open
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${prefix}-hours-mode`}
            checked={draft.mode === 'schedule'}
            onChange={() => onChange({ ...draft, mode: 'schedule' })}
            data-testid="op-site-hours-schedule"
          />
          On a schedule
        </label>
      </span>
      {draft.mode === 'schedule' && (
        <>
          <Field label="Time zone" class="hours__zone">
            {(control) => (
              <select
                class="field__input"
                {...control}
                value={draft.timeZone}
                onChange={(event) => onChange({ ...draft, timeZone: event.currentTarget.value })}
                data-testid="op-site-timezone"
              >
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll('_', ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ul class="hours" aria-label="Opening hours per day">
            {draft.days.map((day) => (
              <DayRow
                key={day.day}
                prefix={prefix}
                day={day}
                problem={problems.find((problem) => problem.day === day.day)?.message ?? null}
                onChange={setDay}
              />
            ))}
          </ul>
        </>
      )}
      <TextAreaField
        label="Away message"
        hint={`Shown to visitors when nobody is online or outside working hours. Empty for the widget's default text (at most ${AWAY_MESSAGE_MAX} characters).`}
        rows={3}
        maxLength={AWAY_MESSAGE_MAX}
        value={awayMessage}
        placeholder="Default for the language"
        onInput={(event) => onAwayMessage(event.currentTarget.value)}
        data-testid="op-site-away-message"
      />
    </fieldset>
  );
}

function DayRow({
  prefix,
  day,
  problem,
  onChange,
}: {
  prefix: string;
  day: DayDraft;
  problem: string | null;
  onChange: (day: DayDraft) => void;
}) {
  const name = dayName(day.day);
  const id = `${prefix}-day-${day.day}`;
  return (
    <li class={problem ? 'hours__day hours__day--invalid' : 'hours__day'} data-testid="op-site-day" data-day={day.day}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          class="switch__input"
          checked={day.open}
          onChange={(event) => onChange({ ...day, open: event.currentTarget.checked })}
          data-testid="op-site-day-open"
        />
        <span class="switch__track" aria-hidden="true" />
        <span class="hours__name">{name}</span>
      </label>
      {day.open ? (
        <span class="hours__times">
          <input
            id={`${id}-from`}
            class="field__input hours__time"
            type="time"
            required
            value={day.from}
            aria-label={`${name} opens at`}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-error` : undefined}
            onInput={(event) => onChange({ ...day, from: event.currentTarget.value })}
            data-testid="op-site-day-from"
          />
          <span aria-hidden="true">–</span>
          <input
            id={`${id}-to`}
            class="field__input hours__time"
            type="time"
            required
            value={day.to}
            aria-label={`${name} closes at`}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-error` : undefined}
            onInput={(event) => onChange({ ...day, to: event.currentTarget.value })}
            data-testid="op-site-day-to"
          />
          {day.extra.length > 0 && (
            <span class="hours__extra" title={day.extra.map((span) => `${span.from}–${span.to}`).join(', ')}>
              +{day.extra.length} more {day.extra.length === 1 ? 'span' : 'spans'}, kept
            </span>
          )}
        </span>
      ) : (
        <span class="hours__closed">Closed</span>
      )}
      {problem && (
        <span id={`${id}-error`} class="field__hint field__hint--error hours__error" data-testid="op-site-day-error">
          {problem}
        </span>
      )}
    </li>
  );
}
