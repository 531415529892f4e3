import { EMPTY_COMMS_PLAN, type CommsPlanJson } from '../../../contract/comms';
import { commsPlanKind } from '../records/record-kinds';
import type { RecordStore, Revisioned } from '../storage';

/**
 * A project's communication plan and its revision: the stored document, or an empty plan at
 * revision 0. A stored plan that no longer reads also gives the empty plan, with its revision,
 * so the PM can save over it.
 * @throws AppError STORAGE_UNAVAILABLE / RATE_LIMITED when storage cannot answer.
 */
export async function getCommsPlan(records: RecordStore, projectId: string): Promise<Revisioned<CommsPlanJson>> {
  const stored = await records.document(commsPlanKind, projectId).get();
  return { value: stored.value ?? EMPTY_COMMS_PLAN, revision: stored.revision };
}

/**
 * Saves the plan if `revision` is the one stored: two editors who read the same revision cannot
 * both save — the second gets CONFLICT, reloads and re-applies, so no update is lost.
 * @throws AppError CONFLICT when someone saved since `revision` was read; INVALID_PAYLOAD when
 *   the plan does not validate; storage errors as is.
 */
export async function saveCommsPlan(
  records: RecordStore,
  projectId: string,
  plan: CommsPlanJson,
  revision: number,
): Promise<Revisioned<CommsPlanJson>> {
  return records.document(commsPlanKind, projectId).save(plan, revision);
}
