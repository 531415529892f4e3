import { takeDailySnapshots } from '../../application/take-daily-snapshots';
import { appIssueWriter, recordStore, refreshQueue, systemClock } from '../compose';

/**
 * Daily scheduled trigger: today's KPI point of every tracked project (stale snapshots refresh in
 * the consumer), and touchpoint reminders through Jira, as the app.
 */
export async function dailySnapshot(): Promise<{ statusCode: number; body: string }> {
  const run = await takeDailySnapshots({ records: recordStore, clock: systemClock, queue: refreshQueue, issues: appIssueWriter() });
  // A 2xx tells the scheduler the run completed; partial failures are in the body for the log.
  return { statusCode: 200, body: JSON.stringify(run) };
}
