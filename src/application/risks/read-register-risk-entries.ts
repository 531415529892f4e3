import type { RegisterRiskJson } from '../../../contract/risks';
import type { RegisterRiskEntry } from '../../domain/risk-register';
import { registerRiskKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { readOpenRisks } from './risk-register';

/** The report reads at most this many open register risks (one page). */
export const MAX_REPORT_REGISTER_RISKS = 100;

/** The register's open risks as the status report reads them (newest `MAX_REPORT_REGISTER_RISKS`). */
export async function readRegisterRiskEntries(records: RecordStore, projectId: string): Promise<RegisterRiskEntry[]> {
  const { items } = await readOpenRisks(records, projectId, MAX_REPORT_REGISTER_RISKS);
  return items.map(toRegisterRiskEntry);
}

/** The named risks as they are now (one read each; a deleted one is left out): "since last report" reads the last report's. */
export async function readRegisterRiskEntriesById(
  records: RecordStore,
  projectId: string,
  ids: readonly string[],
): Promise<RegisterRiskEntry[]> {
  const store = records.collection(registerRiskKind, projectId);
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.flatMap((r) => (r === undefined ? [] : [toRegisterRiskEntry(r)]));
}

function toRegisterRiskEntry(r: RegisterRiskJson): RegisterRiskEntry {
  return {
    id: r.id,
    title: r.title,
    clientWording: r.clientWording,
    clientVisible: r.clientVisible,
    probability: r.probability,
    impact: r.impact,
    status: r.status,
    ownerName: r.ownerName,
    mitigation: r.mitigation,
    due: r.due,
    linkedIssueKeys: r.linkedIssueKeys,
    jiraIssueKey: r.jiraIssueKey,
  };
}
