import type { Issue } from './issue';
import { calendarDayOf, dayNumberOf, isWaitingOnClient } from './issue-rules';
import type { ProjectSettings } from './settings';

/** How long an issue has been waiting on the client (DESIGN.md §5.4). */
export interface ClientWait {
  /** When the wait started (epoch ms); with `estimated`, the latest instant it can have started. */
  since: number;
  /** `since` as a calendar day (`YYYY-MM-DD`) in the project's zone. */
  sinceDay: string;
  /** Calendar days from `since` to `now` in the project's zone, never negative. */
  days: number;
  /** True when `since` is not read from the changelog: the wait is then "at least" `days`. */
  estimated: boolean;
}

/**
 * The wait of an issue waiting on the client at `now`, or null when it is not waiting
 * (`isWaitingOnClient`: a waiting status or the waiting label, never a done issue).
 *
 * The clock:
 * - In a waiting status: it starts when the issue entered its current status
 *   (`history.statusSince`, from the changelog). Moving between two waiting statuses restarts
 *   it: the changelog's last status change is the entry into the status the client now holds.
 * - In a waiting status whose entry is unknown (the changelog was not read), or waiting by the
 *   label alone (the changelog is not read for labels): the wait started at the latest at the
 *   last update, since setting the status or the label updates the issue. The wait is then
 *   "at least" that long (`estimated`) — never a longer wait than the data proves.
 * A start after `now` (clock skew) counts as 0 days.
 */
export function deriveClientWait(
  issue: Pick<Issue, 'status' | 'resolution' | 'labels' | 'updated' | 'history'>,
  settings: Pick<ProjectSettings, 'waitingOnClientStatuses' | 'waitingOnClientLabel' | 'timeZone'>,
  now: number,
): ClientWait | null {
  if (!isWaitingOnClient(issue, settings)) return null;
  const inWaitingStatus = settings.waitingOnClientStatuses.some(
    (name) => name.trim().toLowerCase() === issue.status.name.trim().toLowerCase(),
  );
  const known = inWaitingStatus ? issue.history.statusSince : null;
  const since = known ?? issue.updated;
  const days = Math.max(0, dayNumberOf(now, settings.timeZone) - dayNumberOf(since, settings.timeZone));
  return { since, sinceDay: calendarDayOf(since, settings.timeZone), days, estimated: known === null };
}
