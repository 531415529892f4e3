import type { IssueHeadline } from '../../application/ports';
import type { Milestone } from '../../domain/milestone';
import { toStatusCategoryKey } from '../../domain/status-category';
import type { JiraIssueHeadlineJson, JiraVersionJson } from './jira-json';

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

export function toIssueHeadline(json: JiraIssueHeadlineJson): IssueHeadline {
  return {
    id: json.id,
    key: json.key,
    summary: json.fields.summary ?? '',
    statusName: json.fields.status.name,
    statusCategory: toStatusCategoryKey(json.fields.status.statusCategory?.key),
    dueDate: toCalendarDayOrNull(json.fields.duedate),
    projectKey: json.fields.project.key,
  };
}
