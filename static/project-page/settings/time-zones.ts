/** A time zone to choose, with its UTC offset at a given instant ("GMT+1"; summer time moves it). */
export interface TimeZoneOption {
  zone: string;
  offset: string;
}

/** The zones the runtime knows; `UTC` first, since Intl lists only geographic zones. */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

function offsetOf(zone: string, now: number): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * The time zone choices at `now`, in the runtime's order with UTC first. The current value is
 * kept even when the runtime does not list it (a zone saved elsewhere), so the select never
 * silently changes it.
 */
export function toTimeZoneOptions(zones: readonly string[], current: string, now: number): TimeZoneOption[] {
  const all = zones.includes(current) || current === '' ? zones : [current, ...zones];
  return all.map((zone) => ({ zone, offset: offsetOf(zone, now) }));
}
