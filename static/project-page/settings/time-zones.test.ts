import { describe, expect, it } from 'vitest';
import { supportedTimeZones, toTimeZoneOptions } from './time-zones';

describe('time zones', () => {
  const JANUARY = Date.UTC(2026, 0, 15);
  const JULY = Date.UTC(2026, 6, 15);

  it('lists UTC first, then the runtime’s zones', () => {
    const zones = supportedTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Paris');
    expect(zones.filter((zone) => zone === 'UTC')).toHaveLength(1);
  });

  it('shows each zone’s offset at the given instant (summer time moves it)', () => {
    const offsetOf = (now: number) => toTimeZoneOptions(['UTC', 'Europe/Paris'], 'UTC', now).find((o) => o.zone === 'Europe/Paris')?.offset;
    expect(offsetOf(JANUARY)).toBe('GMT+1');
    expect(offsetOf(JULY)).toBe('GMT+2');
  });

  it('keeps a current zone the runtime does not list', () => {
    expect(toTimeZoneOptions(['UTC'], 'Etc/GMT-14', JANUARY).map((o) => o.zone)).toEqual(['Etc/GMT-14', 'UTC']);
  });
});
