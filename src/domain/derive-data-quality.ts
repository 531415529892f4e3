import {
  DATA_QUALITY_ISSUE_CODES,
  type DataQualityIssueCode,
  type DataQualityIssueNoteJson,
  type DataQualityNoteJson,
} from '../../contract/report';
import { compareIssueKeys, sortByIssueKey } from './compare-issue-keys';
import type { ImplausibleNote } from './derive-plausible-data';
import type { Issue } from './issue';
import { calendarDayOf, dayNumberOf, dayNumberOfCalendarDay, isDone } from './issue-rules';
import type { ProjectData } from './project-data';
import type { ProjectSettings } from './settings';

export type DataQualityNote = DataQualityNoteJson;
export type DataQualityIssueNote = DataQualityIssueNoteJson;
export { DATA_QUALITY_ISSUE_CODES, type DataQualityIssueCode };

/**
 * Issues named per code before the rest are summed into one "…and N more" note: a team-managed
 * project can have thousands of done issues without a resolution, and a list of thousands of
 * identical notes helps nobody.
 */
export const DEFAULT_MAX_NOTES_PER_CODE = 20;

/**
 * Notes on data the PM may want to fix in Jira (DESIGN §4), in a stable order. Never throws on
 * odd data: noting it is the point.
 *
 * - `resolvedNotDone`: a resolution but a status outside the done category (the issue still
 *   counts as done); `doneWithoutResolution`: a done-category status with no resolution.
 * - `noStatusCategory`: a status in Jira's "No Category" (`undefined`), counted as not started.
 * - `dueBeforeCreated`: the due day is before the calendar day (in the project's zone) of
 *   creation; the same day is fine.
 * - `blockerOutsideProject`: an open issue blocked by an issue of another project (by key
 *   prefix), which neither report can show the state of beyond its status name.
 * - `subtaskPointsDoubleCounted`: a subtask with story points > 0 whose parent (in the data)
 *   has points > 0 too. A parent missing from the data gives no note.
 * - `implausibleEstimate`, `implausibleDate`, `implausibleMilestoneDate`: the notes of
 *   `derivePlausibleData`, passed in as `implausible` (values no real project has).
 * - `completionEstimated`: one note counting done issues whose completion date is estimated.
 * - Per code, at most `maxNotesPerCode` issues (lowest keys first), then one `more` note with
 *   the count and every remaining key (lowest first), so the JSON still names each issue.
 * - Project notes last: `completionEstimated`, then milestone dates in the order given.
 *
 * Linear in issues; a second pass happens only when some subtask has points.
 */
export function deriveDataQuality(
  data: Pick<ProjectData, 'project' | 'issues'>,
  settings: Pick<ProjectSettings, 'timeZone'>,
  options: { maxNotesPerCode?: number; implausible?: readonly ImplausibleNote[] } = {},
): DataQualityNote[] {
  const max = Math.max(0, options.maxNotesPerCode ?? DEFAULT_MAX_NOTES_PER_CODE);
  const byCode = new Map<DataQualityIssueCode, DataQualityIssueNote[]>(DATA_QUALITY_ISSUE_CODES.map((code) => [code, []]));
  const add = (note: DataQualityIssueNote): void => {
    byCode.get(note.code)?.push(note);
  };
  const milestoneNotes: DataQualityNote[] = [];
  for (const note of options.implausible ?? []) {
    if (note.code === 'implausibleMilestoneDate') milestoneNotes.push(note);
    else add(note);
  }
  const ownPrefix = `${data.project.key}-`;
  const subtasksWithPoints: Issue[] = [];
  let estimatedCompletions = 0;

  for (const issue of data.issues) {
    const category = issue.status.category;
    if (issue.resolution !== null && category !== 'done') {
      add({ code: 'resolvedNotDone', issueKey: issue.key, statusName: issue.status.name, resolution: issue.resolution });
    }
    if (category === 'done' && issue.resolution === null) {
      add({ code: 'doneWithoutResolution', issueKey: issue.key, statusName: issue.status.name });
    }
    if (category === 'undefined') add({ code: 'noStatusCategory', issueKey: issue.key, statusName: issue.status.name });
    if (issue.due !== null && dayNumberOfCalendarDay(issue.due) < dayNumberOf(issue.created, settings.timeZone)) {
      add({ code: 'dueBeforeCreated', issueKey: issue.key, due: issue.due, created: calendarDayOf(issue.created, settings.timeZone) });
    }
    const done = isDone(issue);
    if (!done && issue.blockedBy.length > 0) {
      const outside = issue.blockedBy.filter((link) => !link.key.startsWith(ownPrefix)).map((link) => link.key);
      for (const blockerKey of outside.sort(compareIssueKeys)) add({ code: 'blockerOutsideProject', issueKey: issue.key, blockerKey });
    }
    if (issue.type.subtask && issue.parentKey !== null && (issue.storyPoints ?? 0) > 0) subtasksWithPoints.push(issue);
    if (done && issue.history.completedAtEstimated) estimatedCompletions += 1;
  }

  if (subtasksWithPoints.length > 0) {
    const parentsWithPoints = pointedParents(data.issues, new Set(subtasksWithPoints.map((s) => s.parentKey ?? '')));
    for (const subtask of subtasksWithPoints) {
      if (subtask.parentKey !== null && parentsWithPoints.has(subtask.parentKey)) {
        add({ code: 'subtaskPointsDoubleCounted', issueKey: subtask.key, parentKey: subtask.parentKey });
      }
    }
  }

  const notes: DataQualityNote[] = [];
  for (const code of DATA_QUALITY_ISSUE_CODES) {
    // Stable: an issue's several blockers keep their key order.
    const sorted = sortByIssueKey(byCode.get(code) ?? [], (n) => n.issueKey);
    notes.push(...sorted.slice(0, max));
    if (sorted.length > max) {
      const rest = sorted.slice(max);
      notes.push({ code: 'more', issueKey: null, of: code, count: rest.length, issueKeys: rest.map((n) => n.issueKey) });
    }
  }
  if (estimatedCompletions > 0) notes.push({ code: 'completionEstimated', issueKey: null, count: estimatedCompletions });
  notes.push(...milestoneNotes);
  return notes;
}

function pointedParents(issues: readonly Issue[], wanted: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const issue of issues) {
    if (wanted.has(issue.key) && (issue.storyPoints ?? 0) > 0) found.add(issue.key);
  }
  return found;
}
