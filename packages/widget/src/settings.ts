// Turns what a page gives (data-* attribute strings, a settings object, createChat options) into checked settings.

import type { ChatSettings } from './api.ts';
import { directionOf, type Locale, resolveLocale, type Strings, stringsFor } from './i18n.ts';
import type { PrechatForm } from '@livechat/protocol';
import { flag, type LauncherLook, launcherLook, text } from './look.ts';
import { parsePrechat } from './ui/prechat-fields.ts';

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
