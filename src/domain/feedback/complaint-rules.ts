import type { ComplaintJson, ComplaintStatus } from '../../../contract/feedback';
import { addCalendarDays, calendarDayOf } from '../issue-rules';

/** A rating opens a complaint when it is at most the project's threshold (default 2). */
export function opensComplaint(rating: number, complaintRatingMax: number): boolean {
  return rating <= complaintRatingMax;
}

/**
 * The complaint a low rating opens at `now`: no owner yet, due `dueDays` calendar days after
 * today in the project's zone (counted from when the app receives it, so an old survey answer
 * imported today is not overdue on arrival).
 */
export function toNewComplaint(now: number, timeZone: string, dueDays: number): ComplaintJson {
  const at = new Date(now).toISOString();
  return {
    ownerId: null,
    due: addCalendarDays(calendarDayOf(now, timeZone), dueDays),
    status: 'open',
    resolutionNote: '',
    jiraIssueKey: null,
    openedAt: at,
    updatedAt: at,
  };
}

/**
 * Overdue: not resolved and its due day is before `today` (a complaint due today is not late
 * yet). `today` is the calendar day in the project's zone.
 */
export function isComplaintOverdue(complaint: Pick<ComplaintJson, 'status' | 'due'>, today: string): boolean {
  return complaint.status !== 'resolved' && complaint.due < today;
}

export interface ComplaintUpdate {
  ownerId: string | null;
  due: string;
  status: ComplaintStatus;
  resolutionNote: string;
}

export type ComplaintUpdateProblem = { path: 'resolutionNote'; reason: 'required' } | { path: 'ownerId'; reason: 'notInternal' };

/**
 * The complaint after the PM's update, or the problems that refuse it:
 * - resolving needs a resolution note (what was done for the client);
 * - the owner must be one of `internalStakeholderIds` (or nobody);
 * - the Jira issue and the opening time are kept whatever the update says.
 */
export function applyComplaintUpdate(
  current: ComplaintJson,
  update: ComplaintUpdate,
  internalStakeholderIds: ReadonlySet<string>,
  now: number,
): { ok: true; complaint: ComplaintJson } | { ok: false; problems: ComplaintUpdateProblem[] } {
  const problems: ComplaintUpdateProblem[] = [];
  const note = update.resolutionNote.trim();
  if (update.status === 'resolved' && note === '') problems.push({ path: 'resolutionNote', reason: 'required' });
  if (update.ownerId !== null && !internalStakeholderIds.has(update.ownerId)) problems.push({ path: 'ownerId', reason: 'notInternal' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    complaint: {
      ...current,
      ownerId: update.ownerId,
      due: update.due,
      status: update.status,
      resolutionNote: note,
      updatedAt: new Date(now).toISOString(),
    },
  };
}

/** Which complaint filter value an entry is stored under (for the list's index). */
export function toComplaintState(complaint: ComplaintJson | null): 'none' | ComplaintStatus {
  return complaint === null ? 'none' : complaint.status;
}
