import type { FeedbackEntryJson, FeedbackInputJson } from '../../../contract/feedback';
import { opensComplaint, toNewComplaint } from '../../domain/feedback/complaint-rules';
import { AppError } from '../app-error';
import { getCommsPlan } from '../comms/comms-plan';
import { getProjectSettings } from '../project-settings';
import { feedbackKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** A submission as the use case takes it; `at` dates an imported survey answer (else `now`). */
export type FeedbackSubmission = FeedbackInputJson & { at?: number };

/**
 * The entry a submission becomes at `now`, with its complaint when the rating is at most
 * `complaintRatingMax`. Pure; `addFeedback` stores it.
 */
export function toFeedbackEntry(
  input: FeedbackSubmission,
  now: number,
  rules: { complaintRatingMax: number; complaintDueDays: number; timeZone: string },
): FeedbackEntryJson {
  return {
    id: input.submissionId,
    rating: input.rating,
    nps: input.nps ?? null,
    comment: (input.comment ?? '').trim(),
    source: input.source,
    stakeholderId: input.stakeholderId ?? null,
    reference: input.reference ?? null,
    createdAt: new Date(input.at ?? now).toISOString(),
    complaint: opensComplaint(input.rating, rules.complaintRatingMax) ? toNewComplaint(now, rules.timeZone, rules.complaintDueDays) : null,
  };
}

/**
 * Stores one piece of feedback, once per submission id: the entry and the complaint its rating
 * opens are one record written by one conditional create, so a retry — after a timeout, a
 * double click, or the status page resending (issue 12) — answers the stored entry and writes
 * nothing, and no complaint is ever opened twice or left half-written.
 *
 * Independent of who calls (resolver, web trigger): the caller has authorized and validated
 * the input with `feedbackInputSchema`.
 * @throws AppError INVALID_PAYLOAD (field `stakeholderId`) when the stakeholder is not in the
 *   communication plan; storage errors as is (nothing was stored; retrying is safe).
 */
export async function addFeedback(
  records: RecordStore,
  projectId: string,
  input: FeedbackSubmission,
  now: number,
): Promise<{ entry: FeedbackEntryJson; created: boolean }> {
  const [settings, plan] = await Promise.all([
    getProjectSettings(records, projectId),
    input.stakeholderId ? getCommsPlan(records, projectId) : Promise.resolve(null),
  ]);
  if (plan && input.stakeholderId && !plan.value.stakeholders.some((s) => s.id === input.stakeholderId)) {
    throw new AppError('INVALID_PAYLOAD', 'The stakeholder is not in the communication plan.', {
      fields: [{ path: 'stakeholderId', message: 'a stakeholder of the communication plan' }],
    });
  }
  const { thresholds, timeZone } = settings.value;
  const entry = toFeedbackEntry(input, now, { ...thresholds, timeZone });
  const collection = records.collection(feedbackKind, projectId);
  if ((await collection.add(entry)) === 'created') return { entry, created: true };
  const stored = await collection.get(entry.id);
  // Stored but unreadable (a newer app version's shape): the submission is there; say so plainly.
  if (!stored) throw new AppError('CONFLICT', 'This submission is already stored.');
  return { entry: stored, created: false };
}
