import type { ImportResultJson } from '../../../contract/feedback';
import { toSurveyRows } from '../../domain/feedback/to-survey-rows';
import { getCommsPlan } from '../comms/comms-plan';
import { getProjectSettings } from '../project-settings';
import { feedbackKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { toFeedbackEntry } from './add-feedback';

/** Rows written at once: quick enough for 1,000 rows in a resolver, gentle on the KVS write quota. */
const WRITE_CONCURRENCY = 4;

/**
 * Imports a survey export (see `toSurveyRows` for the columns). Every row is validated first: a
 * file with any bad row is refused whole, with each problem's line and column, and nothing is
 * written. A valid file is written row by row with ids derived from each answer, so when a
 * write fails midway (storage busy) the error reaches the PM and importing the same file again
 * completes it without storing any answer twice.
 * @throws AppError storage errors as is (the rows written so far are complete entries; retry).
 */
export async function importFeedback(records: RecordStore, projectId: string, csv: string, now: number): Promise<ImportResultJson> {
  const [settings, plan] = await Promise.all([getProjectSettings(records, projectId), getCommsPlan(records, projectId)]);
  const { thresholds, timeZone } = settings.value;
  const read = toSurveyRows(csv, { now, timeZone, stakeholders: plan.value.stakeholders });
  if (!read.ok) return { status: 'rejected', errors: read.errors };
  const collection = records.collection(feedbackKind, projectId);
  let created = 0;
  let complaints = 0;
  const queue = [...read.rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const entry = toFeedbackEntry(
        {
          rating: row.rating,
          nps: row.nps,
          comment: row.comment,
          source: 'survey',
          stakeholderId: row.stakeholderId,
          submissionId: row.submissionId,
          at: row.at,
        },
        now,
        { ...thresholds, timeZone },
      );
      if ((await collection.add(entry)) === 'created') {
        created += 1;
        if (entry.complaint) complaints += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  return { status: 'imported', created, existing: read.rows.length - created, complaints };
}
