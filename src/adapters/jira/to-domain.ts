import type { Milestone } from '../../domain/milestone';
import type { JiraVersionJson } from './jira-json';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Jira sends date-only fields as `YYYY-MM-DD`; anything else is treated as no date. */
export function toCalendarDayOrNull(raw: string | null | undefined): string | null {
  return raw && CALENDAR_DAY.test(raw) ? raw : null;
}

export function toMilestone(json: JiraVersionJson): Milestone {
  return {
    id: json.id,
    name: json.name,
    released: json.released ?? false,
    archived: json.archived ?? false,
    releaseDate: toCalendarDayOrNull(json.releaseDate),
    startDate: toCalendarDayOrNull(json.startDate),
  };
}
