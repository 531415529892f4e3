import { addDays, addMonths, differenceInCalendarDays, format, getDaysInMonth, lastDayOfMonth, parseISO, startOfMonth } from 'date-fns';
import { WEEKDAYS, type CadenceJson, type MonthWeek, type TouchpointSeriesJson, type Weekday } from './comms';

/**
 * Touchpoint cadences (DESIGN.md §5.5). Dates are computed on the series' own calendar — local
 * days in its IANA zone — then each day's local time is turned into an instant in that zone, so
 * a 09:00 weekly series stays at 09:00 local across DST whatever the PM's zone is.
 *
 * Calendar arithmetic runs on date-fns over local-midnight `Date`s, which is correct in any
 * process zone (date-fns moves by calendar fields, not by milliseconds); only the final step
 * reads a zone. It reads the zone's offset at an instant through `Intl` as date-fns-tz does
 * internally: date-fns-tz's exported `getTimezoneOffset(zone, date)` reads `date` as a wall time
 * in the process zone, which is wrong next to a transition (it gave +01:00 for Berlin at
 * 01:30Z on 29 March 2026, already +02:00).
 */
export type CadenceSeries = Pick<TouchpointSeriesJson, 'cadence' | 'localTime' | 'timeZone' | 'startDate' | 'endDate' | 'graceDays'>;

export interface Occurrence {
  /** The local day in the series' zone, `YYYY-MM-DD`. */
  day: string;
  /** The instant it is due. */
  at: Date;
}

const MS_PER_DAY = 86_400_000;
/** How far back `assessTouchpointSeries` reads occurrences. */
export const LOOKBACK_DAYS = 400;
const WEEK_INDEX: Record<MonthWeek, number> = { first: 0, second: 1, third: 2, fourth: 3, last: -1 };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Berlin in summer: +7 200 000). */
export function deriveZoneOffset(timeZone: string, instant: number): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(new Date(instant))) fields[part.type] = Number(part.value);
  const wall = Date.UTC(
    fields.year ?? 0,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const toDay = (date: Date): string => format(date, 'yyyy-MM-dd');
const fromDay = (day: string): Date => parseISO(day);
/** date-fns weekdays count from Sunday = 0; ours are ISO, Monday first. */
const jsWeekday = (weekday: Weekday): number => (WEEKDAYS.indexOf(weekday) + 1) % 7;

/**
 * The instant at which the wall-clock `time` on `day` happens in `timeZone`.
 *
 * - In a spring-forward gap the wall time does not exist: the result is the first valid instant
 *   after it, the moment the clocks jump (02:30 in a 02:00→03:00 gap becomes 03:00 local).
 * - In a fall-back overlap the wall time happens twice: the result is the first of the two.
 */
export function toZonedInstant(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  const offsetAt = (instant: number): number => deriveZoneOffset(timeZone, instant);
  // Transitions are never closer than two days apart, so the offsets a day either side are the
  // only two the wall time can be read with.
  const before = offsetAt(wall - MS_PER_DAY);
  const after = offsetAt(wall + MS_PER_DAY);
  const valid = [wall - before, wall - after].filter((instant) => wall - instant === offsetAt(instant));
  if (valid.length > 0) return new Date(Math.min(...valid));
  // A gap: the clocks jumped from `before` to `after` between these two instants; find the jump.
  let low = wall - after; // still on the old offset
  let high = wall - before; // already on the new one
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle) === after) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The local day of `instant` in `timeZone`. */
export function toZonedDay(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + deriveZoneOffset(timeZone, instant.getTime())).toISOString().slice(0, 10);
}

function nthWeekdayOfMonth(month: Date, week: MonthWeek, weekday: number): Date {
  if (week === 'last') {
    const last = lastDayOfMonth(month);
    return addDays(last, -((last.getDay() - weekday + 7) % 7));
  }
  const first = startOfMonth(month);
  return addDays(first, ((weekday - first.getDay() + 7) % 7) + 7 * WEEK_INDEX[week]);
}

function firstWeekdayOnOrAfter(day: Date, weekday: number): Date {
  return addDays(day, (weekday - day.getDay() + 7) % 7);
}

/**
 * The local days of a cadence from `start`, beginning with the first one on or after `from`
 * (no earlier than `start`), in increasing order, without end.
 */
function* cadenceDays(cadence: CadenceJson, start: Date, from: Date): Generator<Date> {
  const origin = from < start ? start : from;
  switch (cadence.kind) {
    case 'weekly':
    case 'biweekly':
    case 'every-n-days': {
      const anchor = cadence.kind === 'every-n-days' ? start : firstWeekdayOnOrAfter(start, jsWeekday(cadence.weekday));
      const step = cadence.kind === 'every-n-days' ? cadence.days : cadence.kind === 'weekly' ? 7 : 14;
      const skipped = Math.max(0, Math.ceil(differenceInCalendarDays(origin, anchor) / step));
      for (let index = skipped; ; index += 1) yield addDays(anchor, index * step);
    }
    case 'monthly-day':
    case 'monthly-weekday': {
      const firstMonth = startOfMonth(origin);
      for (let index = 0; ; index += 1) {
        const month = addMonths(firstMonth, index);
        const day =
          cadence.kind === 'monthly-day'
            ? addDays(month, Math.min(cadence.day, getDaysInMonth(month)) - 1)
            : nthWeekdayOfMonth(month, cadence.week, jsWeekday(cadence.weekday));
        if (day >= origin) yield day;
      }
    }
  }
}

/**
 * The series' occurrences due at or after `from` and before `until`, in increasing order, at
 * most `limit` of them. Only days from the start date to the end date (inclusive) count.
 */
export function deriveOccurrences(series: CadenceSeries, from: Date, until: Date, limit = 1000): Occurrence[] {
  const result: Occurrence[] = [];
  // The first local day that can hold an instant ≥ from, minus one for zones ahead of it.
  const firstDay = addDays(fromDay(toZonedDay(from, series.timeZone)), -1);
  for (const date of cadenceDays(series.cadence, fromDay(series.startDate), firstDay)) {
    const day = toDay(date);
    if (series.endDate !== null && day > series.endDate) break;
    const at = toZonedInstant(day, series.localTime, series.timeZone);
    if (at >= until || result.length >= limit) break;
    if (at >= from) result.push({ day, at });
  }
  return result;
}

/** The next `count` occurrences due after `now` (strictly). */
export function deriveNextOccurrences(series: CadenceSeries, now: Date, count: number): Occurrence[] {
  return deriveOccurrences(series, new Date(now.getTime() + 1), new Date(8_640_000_000_000_000), count);
}

export type TouchpointState = 'not-started' | 'on-track' | 'due' | 'overdue' | 'ended';

export interface TouchpointStatus {
  state: TouchpointState;
  /** The next occurrence after `now`, or null when the series has ended. */
  next: Occurrence | null;
  /**
   * The earliest occurrence missed since the last one kept, when it is past its due time (due:
   * within grace; overdue: beyond grace). Null when nothing is outstanding.
   */
  outstanding: Occurrence | null;
  /** Whole days beyond the grace period, 0 unless overdue. */
  daysLate: number;
}

/**
 * Where a series stands at `now`, given the local days on which touchpoints of it were logged.
 *
 * Matching rule (the design leaves it open): occurrences are taken in order, and each is kept by
 * the first unused log on a day after the previous occurrence's day and before the next one's —
 * a meeting held a few days early or late still counts, but one log never keeps two occurrences.
 * Only the run of misses since the last kept occurrence is outstanding: a meeting missed months
 * ago and followed by kept ones is history, not lateness. An occurrence is `due` from its instant
 * until its grace period ends, then `overdue`; `daysLate` counts whole days beyond the grace.
 * A series whose start is after `now` is `not-started`; one with no occurrence left and nothing
 * outstanding is `ended`. Occurrences more than `LOOKBACK_DAYS` old are not looked at, which
 * bounds the work (a daily series started years ago) and changes nothing but a `daysLate` that is
 * red anyway.
 */
export function assessTouchpointSeries(series: CadenceSeries, loggedDays: readonly string[], now: Date): TouchpointStatus {
  const logs = [...loggedDays].sort();
  const past = deriveOccurrences(
    series,
    new Date(now.getTime() - LOOKBACK_DAYS * MS_PER_DAY),
    new Date(now.getTime() + 1),
    Number.MAX_SAFE_INTEGER,
  );
  const next = deriveNextOccurrences(series, now, 1)[0] ?? null;
  let cursor = 0;
  let outstanding: Occurrence | null = null;
  past.forEach((occurrence, index) => {
    const previousDay = past[index - 1]?.day ?? '0000-00-00';
    const nextDay = past[index + 1]?.day ?? next?.day ?? '9999-99-99';
    while (cursor < logs.length && (logs[cursor] ?? '') <= previousDay) cursor += 1;
    const log = logs[cursor];
    if (log !== undefined && log < nextDay) {
      cursor += 1;
      outstanding = null;
    } else {
      outstanding ??= occurrence;
    }
  });
  const missed = outstanding as Occurrence | null;
  if (missed !== null) {
    const graceEnd = missed.at.getTime() + series.graceDays * MS_PER_DAY;
    const late = now.getTime() - graceEnd;
    if (late > 0) return { state: 'overdue', next, outstanding: missed, daysLate: Math.floor(late / MS_PER_DAY) };
    return { state: 'due', next, outstanding: missed, daysLate: 0 };
  }
  const state: TouchpointState =
    next === null ? 'ended' : toZonedDay(now, series.timeZone) < series.startDate || past.length === 0 ? 'not-started' : 'on-track';
  return { state, next, outstanding: null, daysLate: 0 };
}

const RRULE_DAYS: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};
const RRULE_WEEKS: Record<MonthWeek, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/**
 * The RFC 5545 recurrence rule (the RRULE value, without `RRULE:`) of a series, for a DTSTART at
 * its first occurrence. A monthly day past the 28th is "the last of the days up to it"
 * (`BYMONTHDAY=28,29,30,31;BYSETPOS=-1` for the 31st), which is the engine's clamp to the month
 * end. UNTIL is the end of the end day in the series' zone, in UTC as RFC 5545 requires when
 * DTSTART has a TZID. One difference stays: in a DST gap a calendar reads the missing wall time
 * with the offset before the gap (02:30 → 03:30), where the engine uses the jump itself (03:00).
 */
export function toRecurrenceRule(series: CadenceSeries): string {
  const cadence = series.cadence;
  const parts = ((): string[] => {
    switch (cadence.kind) {
      case 'weekly':
        return ['FREQ=WEEKLY', `BYDAY=${RRULE_DAYS[cadence.weekday]}`];
      case 'biweekly':
        return ['FREQ=WEEKLY', 'INTERVAL=2', `BYDAY=${RRULE_DAYS[cadence.weekday]}`];
      case 'monthly-day':
        return cadence.day <= 28
          ? ['FREQ=MONTHLY', `BYMONTHDAY=${String(cadence.day)}`]
          : ['FREQ=MONTHLY', `BYMONTHDAY=${Array.from({ length: cadence.day - 27 }, (_, n) => String(28 + n)).join(',')}`, 'BYSETPOS=-1'];
      case 'monthly-weekday':
        return ['FREQ=MONTHLY', `BYDAY=${RRULE_DAYS[cadence.weekday]}`, `BYSETPOS=${String(RRULE_WEEKS[cadence.week])}`];
      case 'every-n-days':
        return ['FREQ=DAILY', `INTERVAL=${String(cadence.days)}`];
    }
  })();
  if (series.endDate !== null) {
    const endOfDay = toZonedInstant(toDay(addDays(fromDay(series.endDate), 1)), '00:00', series.timeZone).getTime() - 1000;
    parts.push(
      `UNTIL=${new Date(endOfDay)
        .toISOString()
        .replace(/[-:]/gu, '')
        .replace(/\.\d{3}/u, '')}`,
    );
  }
  return parts.join(';');
}
