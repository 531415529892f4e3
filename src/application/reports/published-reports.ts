/**
 * Publishing the live draft as an immutable, numbered report (issue 11).
 *
 * The draft is the snapshot's derived report; its revision is the snapshot generation, so the
 * PM publishes exactly the data they reviewed (a refresh since makes it a new draft: CONFLICT).
 * The content (both audiences, language-neutral) is copied out of the snapshot, which a later
 * refresh replaces, into parts under the value limit, then the head is created: a head always
 * has every part, and a report is never trimmed to fit. The head's id is the draft revision,
 * and heads are created only if absent, so publishing one draft twice keeps one report. The
 * report is then logged as the touchpoint of the plan's status-report series.
 */
import { z } from 'zod';
import { DIMENSION_KEYS } from '../../../contract/report';
import type { PublishedReportHead, ReportDraftJson } from '../../../contract/reports';
import { AppError, isAppError } from '../app-error';
import { publishedReportKind, publishedReportPartKind, reportSequenceKind, type Snapshot } from '../records/record-kinds';
import { readReports, STORED_REPORT_FORMAT, storedReportsSchema, toReportParts, type StoredReports } from '../snapshot/project-cache';
import type { Page, RecordStore } from '../storage';
import { startNextDraft } from './next-draft';
import { logReportTouchpoints } from './report-touchpoints';

/** A save of the version counter that loses a race is retried this many times. */
const SEQUENCE_ATTEMPTS = 5;
const PARTS_IN_FLIGHT = 8;

export function draftRevisionOf(snapshot: Pick<Snapshot, 'generation'>): string {
  return `g${String(snapshot.generation)}`;
}

/** The next version number of the project's published reports (status and closing share one sequence). */
export async function nextVersion(records: RecordStore, projectId: string): Promise<number> {
  const sequence = records.document(reportSequenceKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const current = await sequence.get();
    const version = (current.value?.last ?? 0) + 1;
    try {
      await sequence.save({ last: version }, current.revision);
      return version;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= SEQUENCE_ATTEMPTS) throw error;
    }
  }
}

export async function inGroups<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += PARTS_IN_FLIGHT) await Promise.all(items.slice(i, i + PARTS_IN_FLIGHT).map(run));
}

/**
 * Publishes the draft `draftRevision` of the project's current snapshot.
 * @throws AppError CONFLICT when the draft is no longer `draftRevision` (or there is no data yet).
 */
export async function publishReport(
  records: RecordStore,
  snapshot: Snapshot | undefined,
  request: { draftRevision: string; publishedBy: string; now: Date },
): Promise<PublishedReportHead> {
  if (!snapshot) throw new AppError('CONFLICT', 'There is no report to publish yet: open the Overview once so the data is read');
  const reports = records.collection(publishedReportKind, snapshot.project.id);
  const existing = await reports.get(request.draftRevision);
  if (existing) {
    // A retry after a failure past the head completes what the first publish began.
    await logReportTouchpoints(records, snapshot.project.id, existing);
    return existing;
  }
  if (draftRevisionOf(snapshot) !== request.draftRevision || snapshot.reportFormat !== STORED_REPORT_FORMAT) {
    throw new AppError(
      'CONFLICT',
      'The report changed since you reviewed it (the data was refreshed). Review the new draft, then publish.',
    );
  }
  const content = await readReports(records, snapshot);
  const id = request.draftRevision;
  const at = request.now.toISOString();
  const texts = toReportParts(content);
  const parts = records.collection(publishedReportPartKind, snapshot.project.id);
  await inGroups([...texts.entries()], ([index, text]) => parts.put({ reportId: id, index, at, text }));
  const head: PublishedReportHead = {
    id,
    version: await nextVersion(records, snapshot.project.id),
    draftRevision: request.draftRevision,
    asOf: snapshot.asOf,
    publishedAt: at,
    publishedBy: request.publishedBy,
    period: content.internal.period,
    overall: { computed: content.internal.overall.computed, reported: content.internal.overall.reported },
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, content.internal.dimensions[key].rag]),
    ) as PublishedReportHead['dimensions'],
    contentFormat: STORED_REPORT_FORMAT,
    parts: texts.length,
  };
  const outcome = await reports.add(head);
  if (outcome === 'created') {
    await logReportTouchpoints(records, snapshot.project.id, head);
    await startNextDraft(records, snapshot.project.id, publishedEdits(content));
    return head;
  }
  // Someone published the same draft a moment earlier: theirs is the report (this version number stays unused).
  const winner = await reports.get(id);
  if (!winner) throw new AppError('STORAGE_UNAVAILABLE', 'The report was published but does not read back yet; try again');
  return winner;
}

/** The PM's edits the published content was derived with: its texts, and the override as the draft holds it. */
function publishedEdits(content: StoredReports): ReportDraftJson {
  const reason = content.internal.overall.overrideReason;
  const override = reason === null ? null : { rag: content.internal.overall.reported, reason };
  return { ...(content.texts ?? {}), override };
}

/** The newest published report's head, or undefined before the first (one bounded read). */
export async function latestPublishedReport(records: RecordStore, projectId: string): Promise<PublishedReportHead | undefined> {
  return (await records.collection(publishedReportKind, projectId).list({ order: 'newest', limit: 1 })).items[0];
}

/** Published reports, newest first. */
export async function listPublishedReports(
  records: RecordStore,
  projectId: string,
  page: { cursor?: string; limit?: number },
): Promise<{ items: PublishedReportHead[]; cursor: string | null }> {
  const found: Page<PublishedReportHead> = await records.collection(publishedReportKind, projectId).list({
    order: 'newest',
    limit: page.limit ?? 20,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return { items: found.items, cursor: found.cursor ?? null };
}

/**
 * A published report as it was published: its head and its content for both audiences.
 * @throws AppError NOT_FOUND when the project has no such report.
 */
export async function readPublishedReport(
  records: RecordStore,
  projectId: string,
  id: string,
): Promise<{ head: PublishedReportHead; content: StoredReports }> {
  const head = await records.collection(publishedReportKind, projectId).get(id);
  if (!head) throw new AppError('NOT_FOUND', 'No such published report');
  // The closing report has its own content and readers (`readPublishedClosingReport`).
  if (head.kind === 'closing') throw new AppError('NOT_FOUND', 'This is the closing report: open it as the closing report');
  const partStore = records.collection(publishedReportPartKind, projectId);
  const parts = await Promise.all(Array.from({ length: head.parts }, (_, index) => partStore.get(`${id}-p${String(index)}`)));
  const text = parts
    .map((part) => {
      if (!part) throw new AppError('STORAGE_UNAVAILABLE', 'A part of this report does not read; try again');
      return part.text;
    })
    .join('');
  // Content of an older shape needs its migration here once STORED_REPORT_FORMAT moves on.
  const parsed = head.contentFormat === STORED_REPORT_FORMAT ? z.safeParse(storedReportsSchema, JSON.parse(text)) : undefined;
  if (!parsed?.success) throw new AppError('STORAGE_UNAVAILABLE', 'This report was stored in a shape this version cannot read');
  return { head, content: parsed.data };
}
