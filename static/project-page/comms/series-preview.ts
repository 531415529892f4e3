import { deriveNextOccurrences } from '../../../contract/cadence';
import { parseSeries, type FieldErrors, type SeriesDraft } from './comms-drafts';

/** The fields the next dates depend on; the others (title, length, owner…) never block the preview. */
const PREVIEW_FIELDS: ReadonlySet<string> = new Set(['cadence', 'localTime', 'timeZone', 'startDate', 'endDate']);

export type SeriesPreview = { ok: true; occurrences: { day: string; at: string }[] } | { ok: false; errors: FieldErrors };

/**
 * The next `count` dates of the series as typed, by the same cadence engine the backend
 * schedules with; or, while a date field does not validate, that field's typed error.
 */
export function deriveSeriesPreview(draft: SeriesDraft, now: Date, count: number): SeriesPreview {
  // Placeholders for the fields the dates do not read, so only the date fields can fail here.
  const parsed = parseSeries({ ...draft, title: '-', durationMinutes: '30', graceDays: '0', ownerId: '', audience: [] });
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).filter(([field]) => PREVIEW_FIELDS.has(field.split('.')[0] ?? '')));
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : parsed.errors };
  }
  return { ok: true, occurrences: deriveNextOccurrences(parsed.value, now, count).map((o) => ({ day: o.day, at: o.at.toISOString() })) };
}
