import { formatInTimeZone } from 'date-fns-tz';

/**
 * The calendar day (`YYYY-MM-DD`) that instant `now` falls on in `timeZone`. Jira date-only
 * fields (due date, release date) mean a day in the project's zone, so comparisons use this.
 */
export function toCalendarDay(now: Date, timeZone: string): string {
  return formatInTimeZone(now, timeZone, 'yyyy-MM-dd');
}
