import { takeDailySnapshots } from '../../application/take-daily-snapshots';
import { recordStore, refreshQueue, systemClock } from '../compose';

/** Daily scheduled trigger: today's KPI point of every tracked project; stale snapshots refresh in the consumer. */
export async function dailySnapshot(): Promise<{ statusCode: number; body: string }> {
  const run = await takeDailySnapshots({ records: recordStore, clock: systemClock, queue: refreshQueue });
  // A 2xx tells the scheduler the run completed; partial failures are in the body for the log.
  return { statusCode: 200, body: JSON.stringify(run) };
}
