import { takeKpiSnapshots } from '../../application/take-kpi-snapshots';
import { jiraIssueSource, recordStore, systemClock } from '../compose';

/** Daily scheduled trigger: a KPI snapshot of every tracked project. */
export async function dailySnapshot(): Promise<{ statusCode: number; body: string }> {
  const run = await takeKpiSnapshots({ issues: jiraIssueSource('app', 'webtrigger'), records: recordStore, clock: systemClock });
  // A 2xx tells the scheduler the run completed; partial failures are in the body for the log.
  return { statusCode: 200, body: JSON.stringify(run) };
}
