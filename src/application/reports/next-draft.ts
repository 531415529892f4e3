import type { ReportDraftJson } from '../../../contract/reports';
import { isAppError } from '../app-error';
import { publishedDraftKind, reportDraftKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

const ATTEMPTS = 3;

/**
 * After a report is published from a draft: the PM's edits as published are kept for the live
 * status page (`publishedDraftKind`), and the next draft starts without last week's override and
 * narratives — a status and its reason, and the week's story, are the report's, not the next one's.
 * Client wording and hidden lines stay: they name lines, which next week's draft mostly still has.
 * Both writes are best effort after the report itself is stored: a failure leaves the draft as it
 * was (the PM sees last week's texts and can reset them) and never fails the publish.
 */
export async function startNextDraft(records: RecordStore, projectId: string, published: ReportDraftJson): Promise<void> {
  try {
    const kept = records.document(publishedDraftKind, projectId);
    await retried(async () => {
      const { revision } = await kept.get();
      await kept.save(published, revision);
    });
    const drafts = records.document(reportDraftKind, projectId);
    await retried(async () => {
      const current = await drafts.get();
      if (current.value === undefined) return;
      const { narrative: _narrative, ...rest } = current.value;
      await drafts.save({ ...rest, override: null }, current.revision);
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
}

async function retried(write: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await write();
      return;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= ATTEMPTS) throw error;
    }
  }
}
