import type { PublishedReportHead } from '../../../contract/reports';
import { toSinceLastBaseline, type SinceLastBaseline } from '../../domain/derive-since-last-report';
import { isAppError } from '../app-error';
import { SNAPSHOT_ISSUE_RISKS, SNAPSHOT_LIST_ISSUES } from '../snapshot/derive-snapshot';
import type { RecordStore } from '../storage';
import { readPublishedReport } from './published-reports';

/**
 * The last published report reduced to what "since last report" compares with: its head and
 * its parts, one bounded read. A report whose content does not read (a part missing, a shape
 * this version cannot read) still gives its head's dimension colours — the draft says the rest
 * could not be compared rather than failing the refresh.
 */
export async function readSinceLastBaseline(records: RecordStore, projectId: string, head: PublishedReportHead): Promise<SinceLastBaseline> {
  const limits = { registerRisks: SNAPSHOT_LIST_ISSUES, issueRisks: SNAPSHOT_ISSUE_RISKS };
  try {
    const { content } = await readPublishedReport(records, projectId, head.id);
    return toSinceLastBaseline(head, content.internal, limits);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return toSinceLastBaseline(head, null, limits);
  }
}
