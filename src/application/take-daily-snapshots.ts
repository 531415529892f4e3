import { isAppError } from './app-error';
import { sendTouchpointReminders, type ReminderRun } from './comms/send-touchpoint-reminders';
import type { Clock, IssueWriter } from './ports';
import { getProjectSettings } from './project-settings';
import { changeMarkerKind, engagementKind, kpiHistoryKind } from './records/record-kinds';
import { calendarDayOf } from '../domain/issue-rules';
import { readSnapshot } from './snapshot/project-cache';
import type { SyncQueue } from './snapshot/sync-project';
import type { RecordStore } from './storage';
import { listTrackedProjects } from './tracked-projects';

/** A snapshot older than this is refreshed by the daily job even without reported changes (missed events). */
export const DAILY_REFRESH_AFTER_MS = 20 * 3_600_000;

export interface DailyRun {
  /** Projects whose point for today was written from a fresh snapshot. */
  taken: string[];
  /** Projects whose snapshot was stale: refreshed in the consumer, which writes today's point. */
  queued: string[];
  failed: { projectKey: string; code: string }[];
  /** Touchpoint reminders per project that has any to send (issue 9). */
  reminders: ({ projectKey: string } & ReminderRun)[];
  /** Projects whose engagement is closed (issue 13): no reminder, no refresh, no KPI point. */
  closed: string[];
}

/**
 * The daily scheduled job: for every tracked project, today's KPI point (one per calendar day
 * in the project's zone: a duplicated run rewrites the same point), and a background refresh
 * of stale snapshots (changes reported since, or simply old). One project failing does not
 * stop the others; its failure is reported for the scheduler's log. With an issue writer, it also
 * sends each project's touchpoint reminders (due tomorrow, overdue), whatever its snapshot's state.
 * A project whose engagement is closed is skipped whole.
 */
export async function takeDailySnapshots(deps: {
  records: RecordStore;
  clock: Clock;
  queue: SyncQueue;
  issues?: IssueWriter;
}): Promise<DailyRun> {
  const run: DailyRun = { taken: [], queued: [], failed: [], reminders: [], closed: [] };
  for (const project of await listTrackedProjects(deps.records)) {
    if (await isClosed(deps.records, project.id, run, project.key)) continue;
    if (deps.issues) await remindProject({ records: deps.records, clock: deps.clock, issues: deps.issues }, project, run);
    try {
      const now = deps.clock.now();
      const [settings, snapshot, marker] = await Promise.all([
        getProjectSettings(deps.records, project.id),
        readSnapshot(deps.records, project.id),
        deps.records.document(changeMarkerKind, project.id).get(),
      ]);
      const head = snapshot.value;
      const stale = !head || (marker.value?.changes ?? 0) > 0 || now.getTime() - Date.parse(head.asOf) > DAILY_REFRESH_AFTER_MS;
      if (stale) {
        await deps.queue.requestRefresh(project.id, project.key);
        run.queued.push(project.key);
        continue;
      }
      await deps.records.collection(kpiHistoryKind, project.id).put({
        day: calendarDayOf(now.getTime(), settings.value.timeZone),
        capturedAt: head.asOf,
        ...head.kpi,
      });
      run.taken.push(project.key);
    } catch (error) {
      run.failed.push({ projectKey: project.key, code: isAppError(error) ? error.code : 'INTERNAL' });
    }
  }
  return run;
}

/**
 * Whether the project's engagement is closed: its data stays as it was at closing, so the job
 * neither reminds nor syncs it. An engagement that cannot be read counts as open (a missed
 * reminder is worse than one more run), and the failure is reported.
 */
async function isClosed(records: RecordStore, projectId: string, run: DailyRun, projectKey: string): Promise<boolean> {
  try {
    const { value } = await records.document(engagementKind, projectId).get();
    if (value?.phase !== 'closed') return false;
    run.closed.push(projectKey);
    return true;
  } catch (error) {
    run.failed.push({ projectKey, code: isAppError(error) ? error.code : 'INTERNAL' });
    return false;
  }
}

async function remindProject(
  deps: { records: RecordStore; clock: Clock; issues: IssueWriter },
  project: { id: string; key: string },
  run: DailyRun,
): Promise<void> {
  try {
    const result = await sendTouchpointReminders(deps, project);
    if (result.notified + result.created + result.skipped + result.failed > 0) run.reminders.push({ projectKey: project.key, ...result });
  } catch (error) {
    run.failed.push({ projectKey: project.key, code: isAppError(error) ? error.code : 'INTERNAL' });
  }
}
