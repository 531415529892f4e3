import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CADENCE_KINDS, MONTH_WEEKS, WEEKDAYS, type CadenceJson } from '../../contract/comms';
import {
  assessTouchpointSeries,
  deriveNextOccurrences,
  deriveOccurrences,
  deriveZoneOffset,
  toZonedDay,
  toZonedInstant,
  type CadenceSeries,
} from './cadence';

const series = (overrides: Partial<CadenceSeries> = {}): CadenceSeries => ({
  cadence: { kind: 'weekly', weekday: 'monday' },
  localTime: '09:00',
  timeZone: 'Europe/Paris',
  startDate: '2026-01-01',
  endDate: null,
  graceDays: 1,
  ...overrides,
});
const days = (s: CadenceSeries, from: string, until: string): string[] =>
  deriveOccurrences(s, new Date(from), new Date(until)).map((o) => o.day);
const instants = (s: CadenceSeries, from: string, until: string): string[] =>
  deriveOccurrences(s, new Date(from), new Date(until)).map((o) => o.at.toISOString());
/** The wall clock of `instant` in `zone`, `YYYY-MM-DD HH:mm`. */
const wall = (instant: Date, zone: string): string =>
  new Date(instant.getTime() + deriveZoneOffset(zone, instant.getTime())).toISOString().slice(0, 16).replace('T', ' ');

describe('toZonedInstant', () => {
  it.each([
    ['an ordinary winter time', '2026-01-15', '09:00', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['an ordinary summer time', '2026-07-15', '09:00', 'Europe/Berlin', '2026-07-15T07:00:00.000Z'],
    [
      'a spring-forward gap moves to the jump (Berlin 02:30 → 03:00 CEST)',
      '2026-03-29',
      '02:30',
      'Europe/Berlin',
      '2026-03-29T01:00:00.000Z',
    ],
    ['the gap start itself', '2026-03-29', '02:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['the first minute after the gap', '2026-03-29', '03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['a fall-back overlap takes the first (Berlin 02:30 CEST)', '2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['New York gap', '2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['New York overlap takes EDT', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['a half-hour gap (Lord Howe 02:00 → 02:30)', '2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z'],
    ['a half-hour overlap (Lord Howe) takes the first', '2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
    ['a southern-hemisphere summer (Sydney, +11)', '2026-01-05', '09:00', 'Australia/Sydney', '2026-01-04T22:00:00.000Z'],
    ['a zone with no DST and a half-hour offset', '2026-06-01', '09:00', 'Asia/Kolkata', '2026-06-01T03:30:00.000Z'],
    ['UTC', '2028-02-29', '23:59', 'UTC', '2028-02-29T23:59:00.000Z'],
  ])('%s', (_, day, time, zone, expected) => {
    expect(toZonedInstant(day, time, zone).toISOString()).toBe(expected);
  });
});

describe('deriveOccurrences', () => {
  it.each<[string, CadenceJson, string, string[]]>([
    [
      'weekly from a Thursday start: the first Monday after',
      { kind: 'weekly', weekday: 'monday' },
      '2026-01-01',
      ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'],
    ],
    [
      'weekly on the start day itself',
      { kind: 'weekly', weekday: 'thursday' },
      '2026-01-01',
      ['2026-01-01', '2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29'],
    ],
    [
      'bi-weekly, anchored on the first matching day',
      { kind: 'biweekly', weekday: 'friday' },
      '2026-01-01',
      ['2026-01-02', '2026-01-16', '2026-01-30'],
    ],
    [
      'every 10 days across the year end',
      { kind: 'every-n-days', days: 10 },
      '2025-12-26',
      ['2025-12-26', '2026-01-05', '2026-01-15', '2026-01-25'],
    ],
  ])('%s', (_, cadence, startDate, expected) => {
    expect(days(series({ cadence, startDate }), '2025-12-01T00:00:00Z', '2026-02-01T00:00:00Z')).toEqual(expected);
  });

  it('monthly on the 31st falls on each month end, 29 February in a leap year', () => {
    const s = series({ cadence: { kind: 'monthly-day', day: 31 }, startDate: '2027-12-15' });
    expect(days(s, '2027-01-01T00:00:00Z', '2028-07-01T00:00:00Z')).toEqual([
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
      '2028-05-31',
      '2028-06-30',
    ]);
  });

  it('monthly on the 29th falls on 28 February outside leap years, and the 29th is kept after', () => {
    const s = series({ cadence: { kind: 'monthly-day', day: 29 }, startDate: '2027-01-01' });
    expect(days(s, '2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual(['2027-01-29', '2027-02-28', '2027-03-29']);
  });

  it('a monthly start after the day skips to the next month', () => {
    const s = series({ cadence: { kind: 'monthly-day', day: 10 }, startDate: '2026-01-11' });
    expect(days(s, '2026-01-01T00:00:00Z', '2026-03-15T00:00:00Z')).toEqual(['2026-02-10', '2026-03-10']);
  });

  it.each<[string, CadenceJson, string[]]>([
    [
      'first Monday',
      { kind: 'monthly-weekday', week: 'first', weekday: 'monday' },
      ['2026-01-05', '2026-02-02', '2026-03-02', '2026-04-06'],
    ],
    [
      'fourth Thursday',
      { kind: 'monthly-weekday', week: 'fourth', weekday: 'thursday' },
      ['2026-01-22', '2026-02-26', '2026-03-26', '2026-04-23'],
    ],
    ['last Friday', { kind: 'monthly-weekday', week: 'last', weekday: 'friday' }, ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24']],
    [
      'last Sunday (a month ending on Sunday)',
      { kind: 'monthly-weekday', week: 'last', weekday: 'sunday' },
      ['2026-01-25', '2026-02-22', '2026-03-29', '2026-04-26'],
    ],
  ])('monthly on the %s', (_, cadence, expected) => {
    expect(days(series({ cadence }), '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual(expected);
  });

  it('keeps 09:00 local across both DST changes, so the UTC instant moves', () => {
    const s = series({ cadence: { kind: 'weekly', weekday: 'monday' }, timeZone: 'America/New_York', startDate: '2026-03-01' });
    expect(instants(s, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ]);
    expect(instants(s, '2026-10-26T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
    ]);
  });

  it('a daily 02:30 series in Berlin: the gap day moves to 03:00, the overlap day takes the first 02:30', () => {
    const s = series({
      cadence: { kind: 'every-n-days', days: 1 },
      localTime: '02:30',
      timeZone: 'Europe/Berlin',
      startDate: '2026-03-28',
    });
    expect(instants(s, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(instants(s, '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('a series in Auckland is on its own Monday, which is Sunday evening for a PM in Paris', () => {
    const s = series({
      cadence: { kind: 'weekly', weekday: 'monday' },
      localTime: '08:00',
      timeZone: 'Pacific/Auckland',
      startDate: '2026-06-01',
    });
    const [first] = deriveOccurrences(s, new Date('2026-05-30T00:00:00Z'), new Date('2026-06-05T00:00:00Z'));
    expect(first?.day).toBe('2026-06-01');
    expect(first?.at.toISOString()).toBe('2026-05-31T20:00:00.000Z');
    expect(wall(first?.at ?? new Date(0), 'Pacific/Auckland')).toBe('2026-06-01 08:00');
    expect(wall(first?.at ?? new Date(0), 'Europe/Paris')).toBe('2026-05-31 22:00');
  });

  it('keeps to the start and the inclusive end date', () => {
    const s = series({ cadence: { kind: 'weekly', weekday: 'monday' }, startDate: '2026-01-05', endDate: '2026-01-19' });
    expect(days(s, '2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
  });

  it('starts from `from` without walking from the start date, and honours the limit', () => {
    const s = series({ cadence: { kind: 'every-n-days', days: 3 }, startDate: '2026-01-01' });
    expect(days(s, '2026-01-10T09:00:00Z', '2026-01-20T00:00:00Z')).toEqual(['2026-01-13', '2026-01-16', '2026-01-19']);
    expect(deriveNextOccurrences(s, new Date('2026-01-10T12:00:00Z'), 2).map((o) => o.day)).toEqual(['2026-01-13', '2026-01-16']);
  });

  describe('whatever the process zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it.each(['America/Sao_Paulo', 'Pacific/Kiritimati', 'America/Los_Angeles'])('gives the same dates in %s', (zone) => {
      const s = series({
        cadence: { kind: 'monthly-day', day: 31 },
        timeZone: 'Europe/Berlin',
        localTime: '02:30',
        startDate: '2028-01-01',
      });
      const expected = instants(s, '2028-01-01T00:00:00Z', '2028-12-31T00:00:00Z');
      process.env.TZ = zone;
      expect(instants(s, '2028-01-01T00:00:00Z', '2028-12-31T00:00:00Z')).toEqual(expected);
      expect(toZonedDay(new Date('2028-02-29T23:30:00Z'), 'Europe/Berlin')).toBe('2028-03-01');
    });
  });
});

describe('assessTouchpointSeries', () => {
  // Weekly on Monday 09:00 Paris from Monday 5 January 2026; one day of grace.
  const weekly = series({ cadence: { kind: 'weekly', weekday: 'monday' }, startDate: '2026-01-05', graceDays: 1 });

  it.each<[string, CadenceSeries, string[], string, { state: string; outstanding: string | null; daysLate: number; next: string | null }]>([
    ['before the start', weekly, [], '2026-01-02T12:00:00Z', { state: 'not-started', outstanding: null, daysLate: 0, next: '2026-01-05' }],
    [
      'every occurrence logged',
      weekly,
      ['2026-01-05', '2026-01-12'],
      '2026-01-13T12:00:00Z',
      { state: 'on-track', outstanding: null, daysLate: 0, next: '2026-01-19' },
    ],
    [
      'just past due, within grace',
      weekly,
      ['2026-01-05'],
      '2026-01-12T10:00:00Z',
      { state: 'due', outstanding: '2026-01-12', daysLate: 0, next: '2026-01-19' },
    ],
    [
      'beyond grace by less than a day',
      weekly,
      ['2026-01-05'],
      '2026-01-13T20:00:00Z',
      { state: 'overdue', outstanding: '2026-01-12', daysLate: 0, next: '2026-01-19' },
    ],
    [
      'two misses in a row count from the first',
      weekly,
      ['2026-01-05'],
      '2026-01-22T09:00:00Z',
      { state: 'overdue', outstanding: '2026-01-12', daysLate: 9, next: '2026-01-26' },
    ],
    [
      'held two days early still counts',
      weekly,
      ['2026-01-05', '2026-01-10'],
      '2026-01-14T12:00:00Z',
      { state: 'on-track', outstanding: null, daysLate: 0, next: '2026-01-19' },
    ],
    [
      'held three days late still counts',
      weekly,
      ['2026-01-05', '2026-01-15'],
      '2026-01-16T12:00:00Z',
      { state: 'on-track', outstanding: null, daysLate: 0, next: '2026-01-19' },
    ],
    [
      'one log never keeps two occurrences',
      weekly,
      ['2026-01-08'],
      '2026-01-14T12:00:00Z',
      { state: 'overdue', outstanding: '2026-01-12', daysLate: 1, next: '2026-01-19' },
    ],
    [
      'an old miss followed by kept ones is history',
      weekly,
      ['2026-01-12', '2026-01-19'],
      '2026-01-20T12:00:00Z',
      { state: 'on-track', outstanding: null, daysLate: 0, next: '2026-01-26' },
    ],
    [
      'ended with everything kept',
      { ...weekly, endDate: '2026-01-12' },
      ['2026-01-05', '2026-01-12'],
      '2026-03-01T12:00:00Z',
      { state: 'ended', outstanding: null, daysLate: 0, next: null },
    ],
    [
      'ended with the last one missed stays overdue',
      { ...weekly, endDate: '2026-01-12' },
      ['2026-01-05'],
      '2026-01-20T07:00:00Z',
      { state: 'overdue', outstanding: '2026-01-12', daysLate: 6, next: null },
    ],
    [
      'zero grace: overdue a minute after',
      { ...weekly, graceDays: 0 },
      ['2026-01-05'],
      '2026-01-12T08:01:00Z',
      { state: 'overdue', outstanding: '2026-01-12', daysLate: 0, next: '2026-01-19' },
    ],
  ])('%s', (_, s, logs, now, expected) => {
    const status = assessTouchpointSeries(s, logs, new Date(now));
    expect({
      state: status.state,
      outstanding: status.outstanding?.day ?? null,
      daysLate: status.daysLate,
      next: status.next?.day ?? null,
    }).toEqual(expected);
  });

  it('grace is counted in elapsed time from the due instant, in the series zone', () => {
    // Due Monday 12 Jan 09:00 Paris = 08:00Z; two days of grace end Wednesday 08:00Z.
    const s = { ...weekly, graceDays: 2 };
    expect(assessTouchpointSeries(s, ['2026-01-05'], new Date('2026-01-14T07:59:00Z')).state).toBe('due');
    expect(assessTouchpointSeries(s, ['2026-01-05'], new Date('2026-01-14T08:01:00Z')).state).toBe('overdue');
    expect(assessTouchpointSeries(s, ['2026-01-05'], new Date('2026-01-17T08:01:00Z')).daysLate).toBe(3);
  });
});

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'America/Santiago',
];
const dayArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const cadenceArb: fc.Arbitrary<CadenceJson> = fc.constantFrom(...CADENCE_KINDS).chain((kind): fc.Arbitrary<CadenceJson> => {
  const weekday = fc.constantFrom(...WEEKDAYS);
  switch (kind) {
    case 'weekly':
    case 'biweekly':
      return weekday.map((w) => ({ kind, weekday: w }));
    case 'monthly-day':
      return fc.integer({ min: 1, max: 31 }).map((day) => ({ kind, day }));
    case 'monthly-weekday':
      return fc.tuple(fc.constantFrom(...MONTH_WEEKS), weekday).map(([week, w]) => ({ kind, week, weekday: w }));
    case 'every-n-days':
      return fc.integer({ min: 1, max: 60 }).map((n) => ({ kind, days: n }));
  }
});
const generalSeriesArb = fc
  .record({
    cadence: cadenceArb,
    // Half-hour steps with a bias to 00:00–03:00, where the DST transitions are.
    localTime: fc
      .oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 47 }))
      .map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`),
    timeZone: fc.constantFrom(...ZONES),
    startDate: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 800 })),
    graceDays: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ length, ...rest }): CadenceSeries => ({
    ...rest,
    endDate: length === null ? null : new Date(Date.parse(`${rest.startDate}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
  }));

/** Daily series at the transition hours, so that gaps and overlaps are actually met. */
const transitionSeriesArb = fc.record({
  cadence: fc.constant<CadenceJson>({ kind: 'every-n-days', days: 1 }),
  localTime: fc.constantFrom('00:00', '00:30', '01:30', '02:00', '02:15', '02:30', '02:59'),
  timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago'),
  startDate: dayArb,
  endDate: fc.constant(null),
  graceDays: fc.constant(0),
});
const seriesArb = fc.oneof(generalSeriesArb, transitionSeriesArb);

describe('deriveOccurrences (property)', () => {
  it('is strictly increasing, within the window and the start/end days, at the local time outside gaps', () => {
    fc.assert(
      fc.property(seriesArb, dayArb, fc.integer({ min: 1, max: 400 }), (s, fromDay, spanDays) => {
        const from = new Date(`${fromDay}T00:00:00Z`);
        const until = new Date(from.getTime() + spanDays * 86_400_000);
        const occurrences = deriveOccurrences(s, from, until);
        occurrences.forEach((o, index) => {
          const previous = occurrences[index - 1];
          if (previous) expect(o.at.getTime()).toBeGreaterThan(previous.at.getTime());
          expect(o.at.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(o.at.getTime()).toBeLessThan(until.getTime());
          expect(o.day >= s.startDate).toBe(true);
          if (s.endDate !== null) expect(o.day <= s.endDate).toBe(true);
          const local = wall(o.at, s.timeZone);
          if (local !== `${o.day} ${s.localTime}`) {
            // Only a wall time that does not exist moves: the minute before the instant is
            // before the configured time, and the instant itself is after it, on the same day.
            expect(local.slice(0, 10)).toBe(o.day);
            expect(local > `${o.day} ${s.localTime}`).toBe(true);
            expect(wall(new Date(o.at.getTime() - 60_000), s.timeZone) < `${o.day} ${s.localTime}`).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same occurrences whether asked in one window or in two', () => {
    fc.assert(
      fc.property(seriesArb, dayArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (s, fromDay, a, b) => {
        const from = new Date(`${fromDay}T00:00:00Z`);
        const middle = new Date(from.getTime() + a * 86_400_000);
        const until = new Date(middle.getTime() + b * 86_400_000);
        const whole = deriveOccurrences(s, from, until).map((o) => o.at.getTime());
        const split = [...deriveOccurrences(s, from, middle), ...deriveOccurrences(s, middle, until)].map((o) => o.at.getTime());
        expect(split).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
