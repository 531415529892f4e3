/**
 * The PM's texts of the live draft (issue 11, "Draft review"): narratives, client wording and
 * hidden client lines. They are saved in the report-draft document with the override; a save
 * derives the draft again, which stores them with the report data (`withDraftTexts`), so
 * publishing that draft keeps exactly the texts that were reviewed.
 */
import type { ReportDraftJson } from '../../../contract/reports';
import { pmTextLanguages, type ReportDraftTextsJson } from '../../../contract/report-narrative';
import { LANGUAGES, type Language } from '../../../contract/language';
import { getCommsPlan } from '../comms/comms-plan';
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
  if (narrative && (pmTextLanguages(narrative.internal).length > 0 || pmTextLanguages(narrative.client).length > 0)) {
    texts.narrative = narrative;
  }
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
 * narratives the app drafts in each language (with the client wording and hidden lines applied,
 * as the client will read them; `internal`/`client` in the caller's language), every line of
 * the client version, hidden ones included, and the languages each side's report recipients read
 * (so the editor can warn when the PM wrote in one language only).
 */
export async function getReportDraftView(
  records: RecordStore,
  projectId: string,
  request: { lang: Language; canEdit: boolean },
): Promise<{
  draft: ReportDraftJson;
  revision: number;
  canEdit: boolean;
  drafted?: {
    internal: string;
    client: string;
    clientLines: ReturnType<typeof toClientLines>;
    byLanguage: Record<Language, { internal: string; client: string }>;
    readers: { internal: Language[]; client: Language[] };
  };
}> {
  const [stored, snapshot, plan] = await Promise.all([
    records.document(reportDraftKind, projectId).get(),
    records.document(snapshotKind, projectId).get(),
    getCommsPlan(records, projectId),
  ]);
  const view = { draft: stored.value ?? EMPTY_REPORT_DRAFT, revision: stored.revision, canEdit: request.canEdit };
  if (!snapshot.value) return view;
  const reports = await readReports(records, snapshot.value);
  const { narrative: _narrative, ...lineTexts } = reports.texts ?? {};
  const drafted = { ...reports, texts: lineTexts };
  const narrativesIn = (lang: Language) => ({
    internal: renderStoredInternalReport(drafted, lang).narrative?.text ?? '',
    client: renderStoredClientReport(drafted, lang).narrative?.text ?? '',
  });
  const byLanguage = { en: narrativesIn('en'), 'zh-CN': narrativesIn('zh-CN') };
  const raw = renderStoredClientReport({ internal: reports.internal, client: reports.client }, request.lang);
  const receiving = plan.value.stakeholders.filter((s) => s.receivesReports);
  const readersOf = (side: 'internal' | 'client') =>
    LANGUAGES.filter((lang) => receiving.some((s) => s.side === side && s.language === lang));
  return {
    ...view,
    drafted: {
      ...byLanguage[request.lang],
      clientLines: toClientLines(raw),
      byLanguage,
      readers: { internal: readersOf('internal'), client: readersOf('client') },
    },
  };
}
