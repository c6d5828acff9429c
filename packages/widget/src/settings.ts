// Turns what a page gives (data-* attribute strings, a settings object, createChat options) into checked settings.

import type { ChatSettings } from './api.ts';
import { directionOf, type Locale, resolveLocale, type Strings, stringsFor } from './i18n.ts';
import type { PrechatForm } from '@livechat/protocol';
import { flag, type LauncherLook, launcherLook, text } from './look.ts';

export { luminance, parseColor, textColorOn } from './look.ts';

export interface ResolvedSettings extends LauncherLook {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  strings: Strings;
  title: string;
  greeting: string;
  open: boolean;
  hideLauncher: boolean;
  trackPageViews: boolean;
  prechat: PrechatForm;
}

export function resolveSettings(
  raw: ChatSettings | Record<string, unknown>,
  browserLanguages: readonly string[] = [],
): ResolvedSettings {
  const input = raw as Record<string, unknown>;
  const locale = resolveLocale(text(input.locale), browserLanguages);
  const strings = stringsFor(locale);
  return {
    ...launcherLook(input),
    locale,
    dir: directionOf(locale),
    strings,
    title: text(input.title) ?? strings.title,
    greeting: text(input.greeting) ?? strings.greeting,
    open: flag(input.open, false),
    trackPageViews: flag(input.trackPageViews, true),
    prechat: parsePrechat(input.prechat),
  };
}

/** A form without any field to ask, as sites have by default. */
export const NO_PRECHAT: PrechatForm = { name: 'off', email: 'off' };

/** The site's form from what the server (or the page) says; anything unknown counts as `off`. */
export function parsePrechat(value: unknown): PrechatForm {
  const form = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const mode = (field: unknown) => (field === 'optional' || field === 'required' ? field : 'off');
  return { name: mode(form.name), email: mode(form.email) };
}
