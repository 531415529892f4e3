import type { RecordsSource } from '../../application/ports';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA, type CommunicationInput, type SatisfactionInput } from '../../domain/project-data';

/**
 * Feedback and touchpoint records in KVS. No record kinds exist yet (they land with the
 * feedback and comms-plan issues), so there is nothing to read and both dimensions stay grey.
 */
export class KvsRecordsSource implements RecordsSource {
  satisfaction(_projectId: string, _now: number): Promise<SatisfactionInput> {
    return Promise.resolve(NO_SATISFACTION_DATA);
  }

  communication(_projectId: string, _now: number): Promise<CommunicationInput> {
    return Promise.resolve(NO_COMMUNICATION_DATA);
  }
}
