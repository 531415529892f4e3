import type { PublishedReportHead } from '../../../contract/reports';
import { toSinceLastBaseline, type SinceLastBaseline } from '../../domain/derive-since-last-report';
import { isAppError } from '../app-error';
import { readRegisterRiskEntriesById } from '../risks/read-register-risk-entries';
import { SNAPSHOT_ISSUE_RISKS, SNAPSHOT_LIST_ISSUES } from '../snapshot/derive-snapshot';
import type { RecordStore } from '../storage';
import { readPublishedReport } from './published-reports';

/**
 * The last published report reduced to what "since last report" compares with: its head and
 * its parts, one bounded read, and its register risks as they are now. A report whose content does not read (a part missing, a shape
 * this version cannot read) still gives its head's dimension colours — the draft says the rest
 * could not be compared rather than failing the refresh.
 */
export async function readSinceLastBaseline(
  records: RecordStore,
  projectId: string,
  head: PublishedReportHead,
): Promise<SinceLastBaseline> {
  const limits = { registerRisks: SNAPSHOT_LIST_ISSUES, issueRisks: SNAPSHOT_ISSUE_RISKS };
  try {
    const { content } = await readPublishedReport(records, projectId, head.id);
    // Its register risks as they are now (at most the stored list's length, one read each): closed ones are not read otherwise.
    const ids = (content.internal.sections.registerRisks ?? []).flatMap((r) => (r.id === undefined ? [] : [r.id]));
    return toSinceLastBaseline(head, content.internal, limits, await readRegisterRiskEntriesById(records, projectId, ids));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return toSinceLastBaseline(head, null, limits);
  }
}
