/**
 * The PM's texts of the live draft (issue 11, "Draft review"): narratives, client wording and
 * hidden client lines. They are saved in the report-draft document with the override; a save
 * derives the draft again, which stores them with the report data (`withDraftTexts`), so
 * publishing that draft keeps exactly the texts that were reviewed.
 */
import type { ReportDraftJson } from '../../../contract/reports';
import type { ReportDraftTextsJson } from '../../../contract/report-narrative';
import type { Language } from '../../../contract/language';
import { reportDraftKind, snapshotKind } from '../records/record-kinds';
import { readReports, type StoredReports } from '../snapshot/project-cache';
import { renderStoredClientReport, renderStoredInternalReport } from '../snapshot/read-snapshot';
import type { RecordStore } from '../storage';
import { toClientLines } from './apply-client-texts';

/** The draft's texts to store with the report data; none when the PM wrote none. */
export function toDraftTexts(draft: ReportDraftJson | undefined): ReportDraftTextsJson | undefined {
  if (!draft) return undefined;
  const texts: ReportDraftTextsJson = {};
  const { narrative, clientWording, hiddenLines } = draft;
  if (narrative && (narrative.internal !== null || narrative.client !== null)) texts.narrative = narrative;
  if (clientWording && Object.keys(clientWording).length > 0) texts.clientWording = clientWording;
  if (hiddenLines && hiddenLines.length > 0) texts.hiddenLines = hiddenLines;
  return Object.keys(texts).length > 0 ? texts : undefined;
}

/** The derived report data with the draft's texts beside it (`StoredReports.texts`). */
export function withDraftTexts(reports: StoredReports, draft: ReportDraftJson | undefined): StoredReports {
  const texts = toDraftTexts(draft);
  const { texts: _previous, ...data } = reports;
  return texts === undefined ? data : { ...data, texts };
}

export const EMPTY_REPORT_DRAFT: ReportDraftJson = { override: null };

/**
 * What the draft editor needs: the PM's draft and its revision, and from the current snapshot the
 * narratives the app drafts (with the client wording and hidden lines applied, as the client will
 * read them) and every line of the client version, hidden ones included.
 */
export async function getReportDraftView(
  records: RecordStore,
  projectId: string,
  request: { lang: Language; canEdit: boolean },
): Promise<{
  draft: ReportDraftJson;
  revision: number;
  canEdit: boolean;
  drafted?: { internal: string; client: string; clientLines: ReturnType<typeof toClientLines> };
}> {
  const [stored, snapshot] = await Promise.all([
    records.document(reportDraftKind, projectId).get(),
    records.document(snapshotKind, projectId).get(),
  ]);
  const view = { draft: stored.value ?? EMPTY_REPORT_DRAFT, revision: stored.revision, canEdit: request.canEdit };
  if (!snapshot.value) return view;
  const reports = await readReports(records, snapshot.value);
  const { narrative: _narrative, ...lineTexts } = reports.texts ?? {};
  const drafted = { ...reports, texts: lineTexts };
  const internal = renderStoredInternalReport(drafted, request.lang);
  const client = renderStoredClientReport(drafted, request.lang);
  const raw = renderStoredClientReport({ internal: reports.internal, client: reports.client }, request.lang);
  return {
    ...view,
    drafted: { internal: internal.narrative?.text ?? '', client: client.narrative?.text ?? '', clientLines: toClientLines(raw) },
  };
}
