import type { ChangeRequestJson } from '../../../contract/changes';
import { readChangeRequests } from '../../application/changes/change-requests';
import { readCommunicationInput } from '../../application/comms/read-communication-input';
import type { RecordsSource } from '../../application/ports';
import { readRegisterRiskEntries } from '../../application/risks/read-register-risk-entries';
import type { RecordStore } from '../../application/storage';
import { NO_SATISFACTION_DATA, type CommunicationInput, type SatisfactionInput } from '../../domain/project-data';
import type { RegisterRiskEntry } from '../../domain/risk-register';

/**
 * Feedback and touchpoint records in KVS. Touchpoints come from the communication plan and its
 * log (issue 9); feedback records do not exist yet (the feedback issue), so satisfaction stays grey.
 */
export class KvsRecordsSource implements RecordsSource {
  /** `records`: the storage kit the touchpoints are kept in (KVS in production, in memory in tests). */
  constructor(private readonly records: RecordStore) {}

  satisfaction(_projectId: string, _now: number): Promise<SatisfactionInput> {
    return Promise.resolve(NO_SATISFACTION_DATA);
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
}
