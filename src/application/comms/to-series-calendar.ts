import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar } from 'ical-generator';
import type { TouchpointSeriesJson } from '../../../contract/comms';
import { deriveNextOccurrences, deriveZoneOffset, toRecurrenceRule } from '../../domain/cadence';
import { AppError } from '../app-error';

/**
 * A wall-clock time in a zone, as ical-generator's documented Temporal stubs (Node 20 and 22
 * have no Temporal). With a native `Date` and a TZID, ical-generator prints the Date's fields in
 * the process zone; these stubs make it print the series' own wall time whatever that zone is.
 */
function wallTime(instant: Date, timeZone: string) {
  const wall = new Date(instant.getTime() + deriveZoneOffset(timeZone, instant.getTime()));
  const fields = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: 0,
  };
  const text = wall.toISOString().slice(0, 19);
  const plainDate = {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    toJSON: () => text.slice(0, 10),
    toString: () => text.slice(0, 10),
  };
  const instantStub = {
    epochMilliseconds: instant.getTime(),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
    toZonedDateTimeISO: () => zoned,
  };
  const zoned = {
    ...fields,
    timeZoneId: timeZone,
    toInstant: () => instantStub,
    toJSON: () => `${text}[${timeZone}]`,
    toString: () => `${text}[${timeZone}]`,
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
  };
  const plain = { ...fields, toJSON: () => text, toString: () => text, toPlainDate: () => plainDate, toZonedDateTime: () => zoned };
  return plain;
}

const toUtcStamp = (instant: Date): string =>
  `${instant
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d{3}Z$/u, '')}Z`;

/**
 * A series as an iCalendar file (RFC 5545): one recurring VEVENT from its first occurrence, at
 * its local time with its VTIMEZONE and RRULE, so Outlook or Google Calendar keep it at that
 * local time across DST. The UID is stable per project and series, so a re-import updates.
 * @throws AppError NOT_FOUND when the series has no occurrence left (ended).
 */
export function toSeriesCalendar(series: TouchpointSeriesJson, projectKey: string, now: Date): { filename: string; text: string } {
  const [first] = deriveNextOccurrences(series, new Date(Date.parse(`${series.startDate}T00:00:00Z`) - 2 * 86_400_000), 1);
  if (first === undefined) throw new AppError('NOT_FOUND', 'The series has no occurrence to put in a calendar');
  const calendar = new ICalCalendar({ prodId: { company: 'Client Follow-up for Jira', product: 'Communication plan', language: 'EN' } });
  calendar.timezone({ name: series.timeZone, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: `${projectKey}-${series.id}@client-followup`,
    start: wallTime(first.at, series.timeZone),
    end: wallTime(new Date(first.at.getTime() + series.durationMinutes * 60_000), series.timeZone),
    timezone: series.timeZone,
    summary: series.title,
    stamp: now,
    repeating: toRecurrenceRule(series),
  });
  // ical-generator prints DTSTAMP in the event's zone; RFC 5545 §3.8.7.2 wants it in UTC.
  const text = calendar.toString().replace(/^DTSTAMP:.*$/mu, `DTSTAMP:${toUtcStamp(now)}`);
  return { filename: `${projectKey}-${series.id}.ics`, text };
}
