import type { ChangeRequestJson } from '../../../contract/changes';
import { readChangeRequests } from '../../application/changes/change-requests';
import { readCommunicationInput } from '../../application/comms/read-communication-input';
import { readSatisfactionInput } from '../../application/feedback/read-satisfaction';
import type { RecordsSource } from '../../application/ports';
import { readRegisterRiskEntries } from '../../application/risks/read-register-risk-entries';
import type { RecordStore } from '../../application/storage';
import type { CommunicationInput, EngagementInput, SatisfactionInput } from '../../domain/project-data';
import { engagementKind } from '../../application/records/record-kinds';
import type { RegisterRiskEntry } from '../../domain/risk-register';

/**
 * Feedback and touchpoint records in KVS. Touchpoints come from the communication plan and its
 * log (issue 9); satisfaction from the feedback of the CSAT window and the unresolved complaints
 * (issue 10), read page by page.
 */
export class KvsRecordsSource implements RecordsSource {
  /** `records`: the storage kit the touchpoints are kept in (KVS in production, in memory in tests). */
  constructor(private readonly records: RecordStore) {}

  satisfaction(projectId: string, now: number): Promise<SatisfactionInput> {
    return readSatisfactionInput(this.records, projectId, now);
  }

  communication(projectId: string, now: number): Promise<CommunicationInput> {
    return readCommunicationInput(this.records, projectId, now);
  }

  async changeRequests(projectId: string): Promise<readonly ChangeRequestJson[]> {
    return (await readChangeRequests(this.records, projectId)).requests;
  }

  registerRisks(projectId: string): Promise<readonly RegisterRiskEntry[]> {
    return readRegisterRiskEntries(this.records, projectId);
  }

  async engagement(projectId: string): Promise<EngagementInput | undefined> {
    const { value } = await this.records.document(engagementKind, projectId).get();
    return value === undefined ? undefined : { phase: value.phase, budget: value.budget, support: value.support };
  }
}
