// How the launcher looks (side, colour, hidden or not), read from what the page gives. Kept apart from
// the rest of the settings so that the script-tag loader can draw the launcher without the locales.

import type { ChatPosition } from './api.ts';

/** data-* attributes arrive as strings: `data-open`, `data-open="true"` are on, `"false"`/`"0"` off. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return fallback;
  return !['false', '0', 'no', 'off'].includes(value.trim().toLowerCase());
}

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined;

/** Only hex colours: the value ends up in CSS, where anything else could restyle or break the widget. */
export function parseColor(value: unknown): string | null {
  return typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim()) ? value.trim() : null;
}

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
export function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const channel = (offset: number) => {
    const c = Number.parseInt(full.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Black or white, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  const l = luminance(background);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#111827' : '#ffffff';
}

export interface LauncherLook {
  position: ChatPosition;
  /** A safe CSS colour (validated hex) or null for the default. */
  color: string | null;
  /** Text colour on `color` with the better contrast. */
  onColor: string;
  hideLauncher: boolean;
}

export function launcherLook(input: Record<string, unknown>): LauncherLook {
  const color = parseColor(input.color);
  return {
    position: input.position === 'left' ? 'left' : 'right',
    color,
    onColor: color ? textColorOn(color) : '#ffffff',
    hideLauncher: flag(input.hideLauncher, false),
  };
}

/** What the page says: attributes first, then the settings object, which wins where both say something. */
export function pageSettings(
  attributes: Record<string, string | undefined>,
  settings: unknown,
): Record<string, unknown> {
  const extra = typeof settings === 'object' && settings !== null ? settings : {};
  return { ...attributes, ...extra };
}
