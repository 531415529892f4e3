import { afterEach, describe, expect, it } from 'vitest';
import type { CadenceJson } from '../../../contract/comms';
import { aSeries } from '../../../test/support/comms-builders';
import { toSeriesCalendar } from './to-series-calendar';

const NOW = new Date('2026-01-02T10:11:12Z');

/** The calendar's content lines, unfolded (RFC 5545 §3.1: a CRLF followed by a space continues a line). */
function lines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/gu, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}
function eventLines(text: string): string[] {
  const all = lines(text);
  return all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT') + 1);
}

describe('toSeriesCalendar', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('writes one recurring event at the local time in the series zone, with its VTIMEZONE, UTC stamp and CRLF lines', () => {
    const { filename, text } = toSeriesCalendar(
      aSeries({ title: '每周状态会议 Weekly', timeZone: 'America/New_York', durationMinutes: 45 }),
      'ACME',
      NOW,
    );
    expect(filename).toBe('ACME-weekly.ics');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\n').every((line, index, all) => index === all.length - 1 || line.endsWith('\r'))).toBe(true);
    const all = lines(text);
    expect(all).toContain('VERSION:2.0');
    expect(all).toContain('TZID:America/New_York');
    expect(all.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(eventLines(text)).toEqual([
      'BEGIN:VEVENT',
      'UID:ACME-weekly@client-followup',
      'SEQUENCE:0',
      'DTSTAMP:20260102T101112Z',
      'DTSTART;TZID=America/New_York:20260105T090000',
      'DTEND;TZID=America/New_York:20260105T094500',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
      'SUMMARY:每周状态会议 Weekly',
      'END:VEVENT',
    ]);
    // Folded at 75 octets.
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it.each<[string, CadenceJson, string | null, string, string]>([
    ['bi-weekly', { kind: 'biweekly', weekday: 'thursday' }, null, '20260108T090000', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'],
    ['monthly on the 15th', { kind: 'monthly-day', day: 15 }, null, '20260115T090000', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    [
      'monthly on the 31st, clamped',
      { kind: 'monthly-day', day: 31 },
      null,
      '20260131T090000',
      'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1',
    ],
    [
      'monthly on the 30th, clamped',
      { kind: 'monthly-day', day: 30 },
      null,
      '20260130T090000',
      'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1',
    ],
    [
      'the last Friday',
      { kind: 'monthly-weekday', week: 'last', weekday: 'friday' },
      null,
      '20260130T090000',
      'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
    ],
    [
      'the second Tuesday',
      { kind: 'monthly-weekday', week: 'second', weekday: 'tuesday' },
      null,
      '20260113T090000',
      'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    ],
    // The end day closes at 23:59:59 Paris time (CEST, +2) = 21:59:59 UTC.
    [
      'every 10 days until 30 June',
      { kind: 'every-n-days', days: 10 },
      '2026-06-30',
      '20260105T090000',
      'FREQ=DAILY;INTERVAL=10;UNTIL=20260630T215959Z',
    ],
  ])('%s', (_, cadence, endDate, start, rule) => {
    const events = eventLines(toSeriesCalendar(aSeries({ cadence, endDate }), 'ACME', NOW).text);
    expect(events).toContain(`DTSTART;TZID=Europe/Paris:${start}`);
    expect(events).toContain(`RRULE:${rule}`);
  });

  it('gives the same file whatever the process zone', () => {
    const expected = toSeriesCalendar(aSeries(), 'ACME', NOW).text;
    process.env.TZ = 'Asia/Tokyo';
    expect(toSeriesCalendar(aSeries(), 'ACME', NOW).text).toBe(expected);
  });

  it('refuses a series with nothing left to put in a calendar', () => {
    expect(() =>
      toSeriesCalendar(
        aSeries({ cadence: { kind: 'weekly', weekday: 'sunday' }, startDate: '2026-01-05', endDate: '2026-01-10' }),
        'ACME',
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
