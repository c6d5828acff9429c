// Durations as people read them in reports: "45 s", "1 min 20 s", "2 h 5 min", "3 d 4 h".

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Two units at most, the larger first; a zero second unit is left out. Null (nothing measured) is a dash. */
export function readableDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < MINUTE) return `${whole} s`;
  if (whole < HOUR) return pair(Math.floor(whole / MINUTE), 'min', whole % MINUTE, 's');
  // Past an hour, seconds are noise: minutes are rounded instead.
  const minutes = Math.round(whole / MINUTE);
  if (minutes < 24 * 60) return pair(Math.floor(minutes / 60), 'h', minutes % 60, 'min');
  const hours = Math.round(whole / HOUR);
  return pair(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function pair(first: number, firstUnit: string, second: number, secondUnit: string): string {
  return second === 0 ? `${first} ${firstUnit}` : `${first} ${firstUnit} ${second} ${secondUnit}`;
}

/** The same, written out for screen readers and titles. */
export function spokenDuration(seconds: number | null): string {
  if (seconds === null) return 'nothing measured';
  return readableDuration(seconds)
    .replace(/(\d+) s\b/, (_, n: string) => `${n} second${n === '1' ? '' : 's'}`)
    .replace(/(\d+) min\b/, (_, n: string) => `${n} minute${n === '1' ? '' : 's'}`)
    .replace(/(\d+) h\b/, (_, n: string) => `${n} hour${n === '1' ? '' : 's'}`)
    .replace(/(\d+) d\b/, (_, n: string) => `${n} day${n === '1' ? '' : 's'}`);
}
