// The widget's look for one site, which the widget reads from the server: colour, side, title, greeting, language.

import type { WidgetPosition } from '@livechat/protocol';
import { isHexColor, pickerColor, type WidgetDraft } from '../../state/site-form.ts';
import { Field, TextField } from '../field.tsx';

const LOCALES: Array<{ value: string; label: string }> = [
  { value: '', label: "The page's language" },
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'Français' },
  { value: 'ar', label: 'العربية' },
];

const POSITIONS: Array<{ value: WidgetPosition; label: string }> = [
  { value: 'right', label: 'Bottom right' },
  { value: 'left', label: 'Bottom left' },
];

export function SiteWidgetFields({
  prefix,
  draft,
  onChange,
}: {
  prefix: string;
  draft: WidgetDraft;
  onChange: (draft: WidgetDraft) => void;
}) {
  const set = <K extends keyof WidgetDraft>(key: K, value: WidgetDraft[K]) => onChange({ ...draft, [key]: value });
  const badColor = draft.color.trim() !== '' && !isHexColor(draft.color);
  return (
    <fieldset class="site-form__group">
      <legend class="site-form__legend">Widget</legend>
      <p class="settings-card__lead">
        The widget reads these from the server; a <code>data-*</code> attribute on a page still wins there.
      </p>
      <div class="site-form__row">
        <div class="field">
          <label class="field__label" for={`${prefix}-color`}>
            Colour
          </label>
          <span class="color-field">
            <input
              id={`${prefix}-color-picker`}
              class="color-field__picker"
              type="color"
              value={pickerColor(draft.color)}
              aria-label="Pick the colour"
              onInput={(event) => set('color', event.currentTarget.value)}
              data-testid="op-site-color"
            />
            <input
              id={`${prefix}-color`}
              class="field__input color-field__hex"
              value={draft.color}
              placeholder="Default"
              spellcheck={false}
              aria-invalid={badColor}
              aria-describedby={`${prefix}-color-hint`}
              onInput={(event) => set('color', event.currentTarget.value)}
              data-testid="op-site-color-hex"
            />
            {draft.color !== '' && (
              <button type="button" class="button button--small button--quiet" onClick={() => set('color', '')}>
                Default
              </button>
            )}
          </span>
          <span id={`${prefix}-color-hint`} class={badColor ? 'field__hint field__hint--error' : 'field__hint'}>
            {badColor ? 'Use #rgb or #rrggbb, e.g. #2b59d9.' : 'Empty for the default blue.'}
          </span>
        </div>
        <fieldset class="field site-form__position">
          <legend class="field__label">Position</legend>
          <span class="site-form__inline">
            {POSITIONS.map((position) => (
              <label key={position.value} class="choice">
                <input
                  type="radio"
                  name={`${prefix}-position`}
                  value={position.value}
                  checked={draft.position === position.value}
                  onChange={() => set('position', position.value)}
                  data-testid={`op-site-position-${position.value}`}
                />
                {position.label}
              </label>
            ))}
          </span>
        </fieldset>
        <Field label="Language">
          {(control) => (
            <select
              class="field__input"
              {...control}
              value={draft.locale}
              onChange={(event) => set('locale', event.currentTarget.value)}
              data-testid="op-site-locale"
            >
              {LOCALES.map((locale) => (
                <option key={locale.value} value={locale.value}>
                  {locale.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <TextField
        label="Title"
        value={draft.title}
        placeholder="Default for the language"
        onInput={(event) => set('title', event.currentTarget.value)}
        data-testid="op-site-title"
      />
      <TextField
        label="Greeting"
        value={draft.greeting}
        placeholder="Default for the language"
        onInput={(event) => set('greeting', event.currentTarget.value)}
        data-testid="op-site-greeting"
      />
    </fieldset>
  );
}
