/**
 * The closing report (issue 13): its inputs read with bounded reads, derived for both audiences,
 * published through the same heads and parts as status reports, and the project closed with it.
 */
import { z } from 'zod';
import { closingReportSchema, type ClosingReportJson } from '../../../contract/closing';
import { CLOSING_REPORT_ID, type PublishedReportHead } from '../../../contract/reports';
import { DIMENSION_KEYS } from '../../../contract/report';
import type { EngagementPhase } from '../../../contract/engagement';
import { deriveClosingReport, toClientClosingReport, type KpiDay, type MilestoneFacts } from '../../domain/closing/derive-closing-report';
import { canChangePhase } from '../../domain/engagement';
import { toZonedInstant } from '../../../contract/cadence';
import { AppError, isAppError } from '../app-error';
import { readChangeRequests } from '../changes/change-requests';
import { getEngagement } from '../engagement/engagement';
import { getProjectSettings } from '../project-settings';
import {
  engagementKind,
  feedbackKind,
  kpiHistoryKind,
  publishedReportKind,
  publishedReportPartKind,
  type KpiPoint,
  type Snapshot,
} from '../records/record-kinds';
import { draftRevisionOf, inGroups, nextVersion } from '../reports/published-reports';
import { readReports, STORED_REPORT_FORMAT } from '../snapshot/project-cache';
import { MAX_PAGE_SIZE, type Collection, type RecordStore } from '../storage';
import { getRetro } from './retro';

/** At most this many KPI days are read (a project of several years has about a thousand). */
export const MAX_KPI_DAYS = 2000;
/** At most this many pieces of feedback are read (newest first). */
export const MAX_FEEDBACK = 2000;
/** The closing report's stored content shape. */
export const CLOSING_CONTENT_FORMAT = 1;
const PART_CHARS = 70_000;

const storedClosingSchema = z.object({ format: z.literal(CLOSING_CONTENT_FORMAT), internal: z.unknown(), client: z.unknown() });

/** The newest `max` records, oldest first, page by page; `complete` is false when older ones were left. */
async function readNewest<T>(collection: Collection<T>, max: number): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.list({ order: 'newest', limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items.slice(0, max - items.length));
    cursor = page.cursor;
  } while (cursor && items.length < max);
  return { items: items.reverse(), complete: cursor === undefined };
}

const toKpiDay = (p: KpiPoint): KpiDay => ({ day: p.day, overall: p.overall, dimensions: p.dimensions });

/** Both audiences of the closing report as it would publish from `snapshot` now. */
export async function deriveClosingReports(
  records: RecordStore,
  snapshot: Snapshot | undefined,
  project: { id: string; key: string; name: string },
  now: Date,
): Promise<{ internal: ClosingReportJson; client: ClosingReportJson }> {
  const [settings, engagement, retro, kpis, feedback, changes, reports] = await Promise.all([
    getProjectSettings(records, project.id),
    getEngagement(records, project.id),
    getRetro(records, project.id),
    readNewest(records.collection(kpiHistoryKind, project.id), MAX_KPI_DAYS),
    readNewest(records.collection(feedbackKind, project.id), MAX_FEEDBACK),
    readChangeRequests(records, project.id),
    snapshot ? readReports(records, snapshot) : Promise.resolve(undefined),
  ]);
  // The report's milestones carry the first target the app recorded; the snapshot has every version.
  const recorded = new Map((reports?.internal.sections.milestones ?? []).map((m) => [m.id, m.originalReleaseDate]));
  const milestones: MilestoneFacts[] = (snapshot?.milestones ?? [])
    .filter((m) => !m.archived)
    .map((m) => ({
      id: m.id,
      name: m.name,
      released: m.released,
      releaseDate: m.releaseDate,
      originalReleaseDate: recorded.get(m.id) ?? null,
    }));
  const internal = deriveClosingReport({
    project: { key: project.key, name: snapshot?.project.name ?? project.name },
    clientName: engagement.value.clientName,
    kpiDays: kpis.items.map(toKpiDay),
    kpisComplete: kpis.complete,
    milestones,
    changeRequests: changes.requests,
    changesComplete: changes.complete,
    feedback: feedback.items,
    feedbackComplete: feedback.complete,
    retro: retro.value,
    startDay: null,
    now: now.getTime(),
    timeZone: settings.value.timeZone,
  });
  return { internal, client: toClientClosingReport(internal) };
}

/** Whether the project may close now: from acceptance or support (`PHASE_TRANSITIONS`). */
export function canClose(phase: EngagementPhase): boolean {
  return canChangePhase(phase, 'closed');
}

const SAVE_ATTEMPTS = 5;

/** Moves the engagement to closed (a retry or a second publish finding it closed does nothing). */
async function closeEngagement(records: RecordStore, projectId: string): Promise<void> {
  const document = records.document(engagementKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await getEngagement(records, projectId);
    if (stored.value.phase === 'closed') return;
    try {
      await document.save({ ...stored.value, phase: 'closed' }, stored.revision);
      return;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Publishes the closing report of the data reviewed (`draftRevision`) and closes the project.
 * The content is written first, then the head (created only if absent: the project has one
 * closing report), then the phase: a retry after a failure completes what was begun.
 * @throws AppError INVALID_PAYLOAD on `phase` when the project is not in acceptance or support;
 *   CONFLICT when the data was refreshed since it was reviewed (or never read).
 */
export async function publishClosingReport(
  records: RecordStore,
  snapshot: Snapshot | undefined,
  project: { id: string; key: string; name: string },
  request: { draftRevision: string; publishedBy: string; now: Date },
): Promise<PublishedReportHead> {
  const heads = records.collection(publishedReportKind, project.id);
  const existing = await heads.get(CLOSING_REPORT_ID);
  if (existing) {
    await closeEngagement(records, project.id);
    return existing;
  }
  const engagement = await getEngagement(records, project.id);
  if (!canClose(engagement.value.phase)) {
    const message = `The project can close from acceptance or support; it is in ${engagement.value.phase}`;
    throw new AppError('INVALID_PAYLOAD', message, { fields: [{ path: 'phase', message }] });
  }
  if (!snapshot || draftRevisionOf(snapshot) !== request.draftRevision || snapshot.reportFormat !== STORED_REPORT_FORMAT) {
    throw new AppError('CONFLICT', 'The data changed since you reviewed the closing report. Review it again, then publish.');
  }
  const [content, reports] = await Promise.all([
    deriveClosingReports(records, snapshot, project, request.now),
    readReports(records, snapshot),
  ]);
  const text = JSON.stringify({ format: CLOSING_CONTENT_FORMAT, ...content });
  const texts: string[] = [];
  for (let i = 0; i < text.length; i += PART_CHARS) texts.push(text.slice(i, i + PART_CHARS));
  const at = request.now.toISOString();
  const parts = records.collection(publishedReportPartKind, project.id);
  await inGroups([...texts.entries()], ([index, part]) => parts.put({ reportId: CLOSING_REPORT_ID, index, at, text: part }));
  const { timeZone } = (await getProjectSettings(records, project.id)).value;
  const head: PublishedReportHead = {
    id: CLOSING_REPORT_ID,
    version: await nextVersion(records, project.id),
    draftRevision: request.draftRevision,
    asOf: snapshot.asOf,
    publishedAt: at,
    publishedBy: request.publishedBy,
    period: { start: toZonedInstant(content.internal.period.start, '00:00', timeZone).toISOString(), end: at },
    overall: { computed: reports.internal.overall.computed, reported: reports.internal.overall.reported },
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, reports.internal.dimensions[key].rag]),
    ) as PublishedReportHead['dimensions'],
    contentFormat: CLOSING_CONTENT_FORMAT,
    parts: texts.length,
    kind: 'closing',
  };
  const outcome = await heads.add(head);
  const published = outcome === 'created' ? head : await heads.get(CLOSING_REPORT_ID);
  if (!published) throw new AppError('STORAGE_UNAVAILABLE', 'The closing report was published but does not read back yet; try again');
  await closeEngagement(records, project.id);
  return published;
}

/**
 * The published closing report for an audience, exactly as published.
 * @throws AppError NOT_FOUND before it is published; STORAGE_UNAVAILABLE when a part does not read.
 */
export async function readPublishedClosingReport(
  records: RecordStore,
  projectId: string,
  audience: 'internal' | 'client',
): Promise<{ head: PublishedReportHead; report: ClosingReportJson }> {
  const head = await records.collection(publishedReportKind, projectId).get(CLOSING_REPORT_ID);
  if (head?.kind !== 'closing') throw new AppError('NOT_FOUND', 'The closing report is not published');
  const partStore = records.collection(publishedReportPartKind, projectId);
  const parts = await Promise.all(Array.from({ length: head.parts }, (_, index) => partStore.get(`${head.id}-p${String(index)}`)));
  const text = parts
    .map((part) => {
      if (!part) throw new AppError('STORAGE_UNAVAILABLE', 'A part of this report does not read; try again');
      return part.text;
    })
    .join('');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('STORAGE_UNAVAILABLE', 'This report was stored in a shape this version cannot read');
  }
  const stored = storedClosingSchema.safeParse(json);
  const report = stored.success ? closingReportSchema.safeParse(stored.data[audience]) : undefined;
  if (!report?.success) throw new AppError('STORAGE_UNAVAILABLE', 'This report was stored in a shape this version cannot read');
  return { head, report: report.data };
}
