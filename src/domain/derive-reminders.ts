import type { TouchpointSeriesJson } from '../../contract/comms';
import { addDays, format, parseISO } from 'date-fns';
import { deriveOccurrences, toZonedDay, type Occurrence, type TouchpointStatus } from './cadence';

export interface Reminder {
  seriesId: string;
  occurrence: Occurrence;
  reason: 'due-tomorrow' | 'overdue';
}

/**
 * The reminders a series calls for at `now`: its occurrences on tomorrow's day in the series'
 * zone (due tomorrow), and its outstanding occurrence once beyond grace (overdue). Each names
 * its occurrence, so the caller can send each reminder once whatever the number of runs.
 */
export function deriveReminders(series: TouchpointSeriesJson, status: TouchpointStatus, now: Date): Reminder[] {
  const tomorrow = format(addDays(parseISO(toZonedDay(now, series.timeZone)), 1), 'yyyy-MM-dd');
  const soon = deriveOccurrences(series, now, new Date(now.getTime() + 3 * 86_400_000)).filter((o) => o.day === tomorrow);
  const reminders: Reminder[] = soon.map((occurrence) => ({ seriesId: series.id, occurrence, reason: 'due-tomorrow' }));
  if (status.state === 'overdue' && status.outstanding)
    reminders.push({ seriesId: series.id, occurrence: status.outstanding, reason: 'overdue' });
  return reminders;
}
