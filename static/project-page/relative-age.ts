/** How long ago an instant was, in the largest unit that keeps the number honest. */
export type RelativeAge = { unit: 'now' } | { unit: Intl.RelativeTimeFormatUnit; value: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The age of `instant` at `nowMs`, rounded down: "59 minutes ago" stays minutes until a full
 * hour has passed. Under a minute is `now`. An instant in the future (the server's clock ahead
 * of the browser's) is `now` too, never "in 3 minutes"; an unreadable instant is null.
 */
export function toRelativeAge(instant: string, nowMs: number): RelativeAge | null {
  const thenMs = Date.parse(instant);
  if (Number.isNaN(thenMs)) return null;
  const ageMs = nowMs - thenMs;
  if (ageMs < MINUTE_MS) return { unit: 'now' };
  if (ageMs < HOUR_MS) return { unit: 'minute', value: Math.floor(ageMs / MINUTE_MS) };
  if (ageMs < DAY_MS) return { unit: 'hour', value: Math.floor(ageMs / HOUR_MS) };
  if (ageMs < 30 * DAY_MS) return { unit: 'day', value: Math.floor(ageMs / DAY_MS) };
  if (ageMs < 365 * DAY_MS) return { unit: 'month', value: Math.floor(ageMs / (30 * DAY_MS)) };
  return { unit: 'year', value: Math.floor(ageMs / (365 * DAY_MS)) };
}

/**
 * A past age in words, in the locale ("12 minutes ago", "12分钟前", "yesterday"); null for `now`,
 * which the caller words itself ("Updated just now").
 */
export function formatRelativeAge(age: RelativeAge, intlLocale: string): string | null {
  if (age.unit === 'now') return null;
  return new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' }).format(-age.value, age.unit);
}
