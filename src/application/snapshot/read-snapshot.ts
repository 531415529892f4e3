import type { ClientStatusReportJson, IssueRiskView, ProjectOverview, StatusReportJson } from '../../../contract';
import { draftClientNarrative, draftNarrative, toReportNarrative } from '../../../contract/i18n/draft-narrative';
import { renderClientReport } from '../../../contract/i18n/render-client-report';
import { renderStatusReport } from '../../../contract/i18n/render-status-report';
import { formatRiskSignal } from '../../../contract/i18n/risk-sentences';
import type { Language } from '../../../contract/language';
import type { ProjectHistory } from '../../../contract/sync';
import type { Issue } from '../../domain/issue';
import { calendarDayOf, addCalendarDays } from '../../domain/issue-rules';
import { deriveOpenMilestones } from '../../domain/milestone';
import { scoreIssueRisk } from '../../domain/score-issue-risk';
import type { ProjectSettings } from '../../domain/settings';
import type { ProjectSettingsJson } from '../../../contract/settings';
import { totalOf } from '../../domain/status-category';
import { AppError } from '../app-error';
import { applyClientTexts } from '../reports/apply-client-texts';
import { pmTextIn } from '../../../contract/report-narrative';
import type { SiteMetadata, SyncSource } from '../ports';
import { issueDeltaKind, kpiHistoryKind, type Snapshot } from '../records/record-kinds';
import { listAll, type RecordStore } from '../storage';
import { readCachedIssue, readReports, riskContextFor, type StoredReports } from './project-cache';

/** The live draft report of the snapshot, for one audience, in one language (0 Jira calls). */
export async function getSnapshotReport(
  records: RecordStore,
  snapshot: Snapshot,
  request: { audience: 'internal' | 'client'; lang: Language },
): Promise<StatusReportJson | ClientStatusReportJson> {
  return renderStoredReport(await readReports(records, snapshot), request.audience, request.lang);
}

/**
 * Stored report data (a snapshot's or a published report's) rendered for one audience in one
 * language, with the PM's texts stored beside it applied: the one place they are, so the draft
 * preview, a published report, its exports and e-mails and the client's status page all read the
 * same. The client's version leaves out the lines the PM hid and reads their client wording; each
 * audience's narrative is the PM's text when they wrote one, else the one drafted from that
 * version (the client's from client-safe data only). The PM's narratives and client wording are
 * per language: `lang` picks the PM's text in that language, and where they wrote none in it the
 * reader reads the drafted narrative and Jira's text (`pmTextIn`).
 */
export function renderStoredReport(
  reports: StoredReports,
  audience: 'internal' | 'client',
  lang: Language,
): StatusReportJson | ClientStatusReportJson {
  return audience === 'client' ? renderStoredClientReport(reports, lang) : renderStoredInternalReport(reports, lang);
}

/** The team's version of `renderStoredReport`. */
export function renderStoredInternalReport(reports: StoredReports, lang: Language): StatusReportJson {
  const report = renderStatusReport(reports.internal, lang);
  return { ...report, narrative: toReportNarrative(draftNarrative(report), pmTextIn(reports.texts?.narrative?.internal, lang), lang) };
}

/** The client's version of `renderStoredReport`. */
export function renderStoredClientReport(reports: StoredReports, lang: Language): ClientStatusReportJson {
  const report = renderClientReport(applyClientTexts(reports.client, reports.texts, lang), lang);
  // Plain prose for the client: the sentences' evidence stays in the team's version.
  const drafted = draftClientNarrative(report).map(({ topic, text }) => ({ topic, text }));
  return { ...report, narrative: toReportNarrative(drafted, pmTextIn(reports.texts?.narrative?.client, lang), lang) };
}

/** Counts by status category and the open milestones, from the snapshot (0 Jira calls). */
export function toSnapshotOverview(snapshot: Snapshot, settings: ProjectSettings, now: Date): ProjectOverview {
  return {
    project: snapshot.project,
    counts: snapshot.counts,
    total: totalOf(snapshot.counts),
    milestones: deriveOpenMilestones(snapshot.milestones, calendarDayOf(now.getTime(), settings.timeZone)),
  };
}

/**
 * The issue panel from the cache: the issue's bucket and delta, scored against the snapshot's
 * risk context (0 Jira calls). An issue the cache does not know (created since, and its event
 * not yet seen) is read from Jira once (1 call, 2 with its changelog) and kept as a delta, so
 * the next view is free again.
 * @throws AppError NOT_FOUND when Jira has no such issue in the project either.
 */
export async function getSnapshotIssueRisk(
  deps: { records: RecordStore; jira: SyncSource; metadata: () => Promise<SiteMetadata> },
  snapshot: Snapshot,
  request: { issueKey: string; issueId: string; lang: Language; now: Date; settings: ProjectSettings; settingsJson: ProjectSettingsJson },
): Promise<IssueRiskView> {
  const cached = await readCachedIssue(deps.records, snapshot, { key: request.issueKey, id: request.issueId });
  let { issue } = cached;
  if (issue === undefined) {
    issue = await deps.jira.readIssue(request.issueKey, request.settingsJson, await deps.metadata());
    if (issue === undefined || !request.issueKey.startsWith(`${snapshot.project.key}-`)) {
      throw new AppError('NOT_FOUND', `Issue ${request.issueKey} is not in project ${snapshot.project.key}`);
    }
    await rememberIssue(deps.records, snapshot, issue, request);
  }
  const context = riskContextFor(snapshot, issue.key, cached.addedAfterBaseline);
  const risk = scoreIssueRisk(issue, context, request.settings, request.now.getTime());
  return {
    key: issue.key,
    summary: issue.summary,
    status: { name: issue.status.name, category: issue.status.category },
    dueDate: issue.due,
    risk:
      risk === null
        ? null
        : {
            key: risk.key,
            score: risk.score,
            level: risk.level,
            reasons: [...new Set(risk.signals.map((signal) => formatRiskSignal(signal, request.lang)))],
            signals: [...risk.signals],
          },
    blockedBy: issue.blockedBy.map((b) => ({ key: b.key, statusName: b.statusName })),
  };
}

async function rememberIssue(
  records: RecordStore,
  snapshot: Snapshot,
  issue: Issue,
  request: { now: Date; settings: ProjectSettings },
): Promise<void> {
  // Not in any bucket: it joined no milestone before this snapshot, so it is not "added after a baseline" yet.
  const risk = scoreIssueRisk(issue, snapshot.riskContext, request.settings, request.now.getTime());
  await records.collection(issueDeltaKind, snapshot.project.id).put({
    issueId: issue.id,
    key: issue.key,
    at: request.now.toISOString(),
    issue,
    risk: risk === null ? null : { level: risk.level, score: risk.score },
    property: null,
  });
}

/** KPI history (one point a day, oldest first, the last `days`) and the snapshot's burn-ups. */
export async function getProjectHistory(
  records: RecordStore,
  snapshot: Snapshot | undefined,
  request: { projectId: string; days: number; now: Date; settings: ProjectSettings },
): Promise<ProjectHistory> {
  const today = calendarDayOf(request.now.getTime(), request.settings.timeZone);
  const from = `${addCalendarDays(today, -(request.days - 1))}T00:00:00.000Z`;
  const points = await listAll(records.collection(kpiHistoryKind, request.projectId), { from });
  const kpi: ProjectHistory['kpi'] = points.map((point) => ({
    day: point.day,
    overall: point.overall,
    dimensions: point.dimensions,
    counts: point.counts,
    ...(point.burn === undefined ? {} : { burn: point.burn }),
  }));
  return { kpi, burnups: snapshot?.burnups ?? [] };
}
