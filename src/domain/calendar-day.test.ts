import { describe, expect, it } from 'vitest';
import { toCalendarDay } from './calendar-day';

describe('toCalendarDay', () => {
  it.each([
    { now: '2026-03-10T23:30:00Z', zone: 'UTC', day: '2026-03-10' },
    { now: '2026-03-10T23:30:00Z', zone: 'Asia/Shanghai', day: '2026-03-11' },
    { now: '2026-03-10T03:30:00Z', zone: 'America/Los_Angeles', day: '2026-03-09' },
    // The night US clocks spring forward: 2026-03-08 02:00 local does not exist.
    { now: '2026-03-08T10:30:00Z', zone: 'America/New_York', day: '2026-03-08' },
  ])('$now is $day in $zone', ({ now, zone, day }) => {
    expect(toCalendarDay(new Date(now), zone)).toBe(day);
  });
});
